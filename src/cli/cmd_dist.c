/*
 * cmd_dist.c: opas dist, the signed packages for each authority.
 */
#include "config.h"

#include "base/intl.h"
#include "cli/cmd.h"

const struct cmd_entry cmd_dist_entry = {
	"dist",
	N_("[-m MANIFEST] [-o DIR]"),
	N_("Build a signed package for every authority in the manifest."),
	N_("  -m, --manifest=FILE  the distribution manifest\n"
	   "                       (default: dist/authorities.xml)\n"
	   "  -o, --output=DIR     where to write (default: out/dist)\n"),
	cmd_unavailable
};
