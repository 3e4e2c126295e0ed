/*
 * cmd_build.c: opas build, the editions of one language.
 */
#include "config.h"

#include "base/intl.h"
#include "cli/cmd.h"

const struct cmd_entry cmd_build_entry = {
	"build",
	N_("[-l LANG] [-f html,epub,pdf] [-p PO | --po-dir DIR] [-o DIR] SOURCE"),
	N_("Build the HTML, EPUB and PDF editions of one language."),
	N_("  -l, --lang=LANG      the language to build (BCP 47 tag)\n"
	   "  -f, --formats=LIST   comma-separated: html, epub, pdf\n"
	   "  -p, --po=PO          the translation catalogue\n"
	   "      --po-dir=DIR     find LANG's catalogue in DIR\n"
	   "  -o, --output=DIR     write DIR/html/LANG/, DIR/epub/, DIR/pdf/\n"),
	cmd_unavailable
};
