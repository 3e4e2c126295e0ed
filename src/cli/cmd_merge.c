/*
 * cmd_merge.c: opas merge, source plus catalogue to translated XML.
 */
#include "config.h"

#include "base/intl.h"
#include "cli/cmd.h"

const struct cmd_entry cmd_merge_entry = {
	"merge",
	N_("-p PO [-l LANG] [-o XML] [--strict] SOURCE"),
	N_("Write the translated XML of a guide source."),
	N_("  -p, --po=PO        the translation catalogue\n"
	   "  -l, --lang=LANG    the language (default: from the catalogue)\n"
	   "  -o, --output=XML   write to XML instead of standard output\n"
	   "      --strict       treat a broken translation as fatal\n"),
	cmd_unavailable
};
