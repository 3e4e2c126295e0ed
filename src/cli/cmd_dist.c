/*
 * cmd_dist.c: opas dist, the signed packages for each authority, and
 * its subcommands keygen, status and record.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/intl.h"
#include "base/mem.h"
#include "base/msg.h"
#include "cli/cmd.h"
#include "pkg/minisign.h"
#include "pkg/record.h"
#include "pkg/release.h"

static int	cmd_dist_exec(const struct cmd_entry *, int, char **);

const struct cmd_entry cmd_dist_entry = {
	"dist",
	N_("[-m MANIFEST] [-o DIR] [-e DIR] -k KEY [--po-dir DIR] [SOURCE]\n"
	   "       opas dist keygen [--dev] SECKEY\n"
	   "       opas dist status [-m MANIFEST] [-r RECORD] [-o DIR] "
	   "[SOURCE]\n"
	   "       opas dist record [-m MANIFEST] [-r RECORD] [-o DIR] "
	   "[--date DATE] AUTHORITY EDITION"),
	N_("Build a signed package for every authority in the manifest;\n"
	   "make a signing key; say who is out of date; record a delivery."),
	N_("  -m, --manifest=FILE  the distribution manifest\n"
	   "                       (default: dist/authorities.xml)\n"
	   "  -o, --output=DIR     the release folder (default: out/dist)\n"
	   "  -e, --editions=DIR   where opas build wrote the editions\n"
	   "                       (default: the output folder's parent)\n"
	   "  -k, --key=FILE       the minisign secret key to sign with\n"
	   "      --po-dir=DIR     catalogues, LINGUAS and thresholds\n"
	   "                       (default: po)\n"
	   "  -r, --record=FILE    the delivery record\n"
	   "                       (default: dist/deliveries)\n"
	   "      --dev            keygen: mark the key as a development key\n"
	   "      --date=DATE      record: the delivery date (default: today)\n"
	   "  SOURCE               the guide (default: guide/guide.xml)\n"),
	cmd_dist_exec
};

struct	dist_args {
	const char	*manifest, *outdir, *editions, *key, *podir;
	const char	*record, *date;
	int		 dev;
};

static int
parse(const struct cmd_entry *e, int argc, char **argv,
    struct dist_args *da)
{
	static const struct option longopts[] = {
		{ "manifest",	required_argument,	NULL, 'm' },
		{ "output",	required_argument,	NULL, 'o' },
		{ "editions",	required_argument,	NULL, 'e' },
		{ "key",	required_argument,	NULL, 'k' },
		{ "po-dir",	required_argument,	NULL, 'd' },
		{ "record",	required_argument,	NULL, 'r' },
		{ "date",	required_argument,	NULL, 't' },
		{ "dev",	no_argument,		NULL, 'v' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	int	 c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "he:k:m:o:r:", longopts,
	    NULL)) != -1)
		switch (c) {
		case 'm':
			da->manifest = optarg;
			break;
		case 'o':
			da->outdir = optarg;
			break;
		case 'e':
			da->editions = optarg;
			break;
		case 'k':
			da->key = optarg;
			break;
		case 'd':
			da->podir = optarg;
			break;
		case 'r':
			da->record = optarg;
			break;
		case 't':
			da->date = optarg;
			break;
		case 'v':
			da->dev = 1;
			break;
		case 'h':
			cmd_help(e, stdout);
			return OPAS_EXIT_OK;
		default:
			return cmd_usage_error(e, NULL);
		}
	return -1;
}

/* SECKEY "x.key" has the public key "x.pub"; any other gets ".pub". */
static char *
pub_path(const char *sec)
{
	size_t	 n = strlen(sec);

	if (n > 4 && strcmp(sec + n - 4, ".key") == 0)
		return xasprintf("%.*s.pub", (int)(n - 4), sec);
	return xasprintf("%s.pub", sec);
}

static int
keygen(const struct cmd_entry *e, struct dist_args *da, int argc,
    char **argv)
{
	char	*pub;
	int	 rc;

	if (argc != 1)
		return cmd_usage_error(e, _("keygen takes one SECKEY file"));
	pub = pub_path(argv[0]);
	rc = ms_keygen(argv[0], pub, da->dev ?
	    "opas development key: not for releases to authorities" :
	    "opas release signing key");
	if (rc == 0)
		printf(_("  keygen   %s (secret: keep it safe, never commit "
		    "it)\n  keygen   %s (public: publish it)\n"), argv[0],
		    pub);
	free(pub);
	return rc == 0 ? msg_exit_status() : OPAS_EXIT_ERROR;
}

static int
cmd_dist_exec(const struct cmd_entry *e, int argc, char **argv)
{
	struct dist_args	 da = { "dist/authorities.xml", "out/dist",
	    NULL, NULL, "po", "dist/deliveries", NULL, 0 };
	struct release_opts	 ro;
	const char		*sub = NULL, *source = "guide/guide.xml";
	char			*parent = NULL, *slash;
	int			 rc;

	if (argc > 1 && (strcmp(argv[1], "keygen") == 0 ||
	    strcmp(argv[1], "status") == 0 ||
	    strcmp(argv[1], "record") == 0)) {
		sub = argv[1];
		argc--;
		argv++;
	}
	if ((rc = parse(e, argc, argv, &da)) != -1)
		return rc;
	argc -= optind;
	argv += optind;
	if (sub != NULL && strcmp(sub, "keygen") == 0)
		return keygen(e, &da, argc, argv);
	if (sub != NULL && strcmp(sub, "record") == 0) {
		if (argc != 2)
			return cmd_usage_error(e,
			    _("record takes AUTHORITY EDITION"));
		return record_delivery(da.manifest, da.record, da.outdir,
		    argv[0], argv[1], da.date);
	}
	if (argc > 1)
		return cmd_usage_error(e, _("give at most one SOURCE"));
	if (argc == 1)
		source = argv[0];
	if (sub != NULL)
		return record_status(da.manifest, da.record, da.outdir,
		    source);
	if (da.key == NULL)
		return cmd_usage_error(e, _("give the signing key with -k "
		    "(opas dist keygen makes one)"));
	if (da.editions == NULL) {
		parent = xstrdup(da.outdir);
		if ((slash = strrchr(parent, '/')) != NULL)
			*slash = '\0';
		else
			strcpy(parent, ".");
		da.editions = parent;
	}
	ro.manifest = da.manifest;
	ro.outdir = da.outdir;
	ro.editions = da.editions;
	ro.source = source;
	ro.podir = da.podir;
	ro.keyfile = da.key;
	rc = release_build(&ro);
	free(parent);
	return rc;
}
