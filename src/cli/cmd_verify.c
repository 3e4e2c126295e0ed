/*
 * cmd_verify.c: opas verify, an authority's check of what it received.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "base/intl.h"
#include "base/msg.h"
#include "cli/cmd.h"
#include "pkg/verify.h"

static int	cmd_verify_exec(const struct cmd_entry *, int, char **);

const struct cmd_entry cmd_verify_entry = {
	"verify",
	N_("[-p PUBKEY] DIR|PACKAGE..."),
	N_("Check the signature and checksums of a downloaded release, an\n"
	   "unpacked package or a package file; name each file that fails."),
	N_("  -p, --pubkey=FILE  the publisher's minisign.pub to trust\n"
	   "                     (default: the one that came with the files)\n"),
	cmd_verify_exec
};

static int
cmd_verify_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "pubkey",	required_argument,	NULL, 'p' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	const char	*pub = NULL;
	int		 c, rc = OPAS_EXIT_OK;

	optind = 0;
	while ((c = getopt_long(argc, argv, "hp:", longopts, NULL)) != -1)
		switch (c) {
		case 'p':
			pub = optarg;
			break;
		case 'h':
			cmd_help(e, stdout);
			return OPAS_EXIT_OK;
		default:
			return cmd_usage_error(e, NULL);
		}
	if (optind >= argc)
		return cmd_usage_error(e, _("name a release folder or a "
		    "package"));
	for (int i = optind; i < argc; i++)
		if (verify_path(argv[i], pub) != OPAS_EXIT_OK)
			rc = OPAS_EXIT_ERROR;
	return rc == OPAS_EXIT_OK ? msg_exit_status() : rc;
}
