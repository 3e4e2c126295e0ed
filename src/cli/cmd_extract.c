/*
 * cmd_extract.c: opas extract, source to translation template (POT).
 */
#include "config.h"

#include "base/intl.h"
#include "cli/cmd.h"

const struct cmd_entry cmd_extract_entry = {
	"extract",
	N_("[-o POT] SOURCE"),
	N_("Write the translation template (POT) of a guide source."),
	N_("  -o, --output=POT   write to POT instead of standard output\n"),
	cmd_unavailable
};
