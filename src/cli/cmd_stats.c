/*
 * cmd_stats.c: opas stats, translation statistics per language.
 */
#include "config.h"

#include "base/intl.h"
#include "cli/cmd.h"

const struct cmd_entry cmd_stats_entry = {
	"stats",
	N_("[--json] [--po-dir DIR] SOURCE"),
	N_("Show how much of each language is translated."),
	N_("      --json         print JSON instead of a table\n"
	   "      --po-dir=DIR   the catalogues' directory (default: po)\n"),
	cmd_unavailable
};
