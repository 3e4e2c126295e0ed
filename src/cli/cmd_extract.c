/*
 * cmd_extract.c: opas extract, source to translation template (POT).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <string.h>

#include "base/intl.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/wfile.h"
#include "cli/cmd.h"
#include "doc/doc.h"
#include "i18n/extract.h"
#include "i18n/its.h"

static int	cmd_extract_exec(const struct cmd_entry *, int, char **);

const struct cmd_entry cmd_extract_entry = {
	"extract",
	N_("[-o POT] [--its RULES] SOURCE"),
	N_("Write the translation template (POT) of a guide source."),
	N_("  -o, --output=POT   write to POT instead of standard output\n"
	   "      --its=RULES    ITS 2.0 rules instead of the DocBook defaults\n"
	   "      --msgid-bugs-address=ADDR  Report-Msgid-Bugs-To of the POT\n"),
	cmd_extract_exec
};

static int
cmd_extract_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output",		required_argument,	NULL, 'o' },
		{ "its",		required_argument,	NULL, 'i' },
		{ "msgid-bugs-address",	required_argument,	NULL, 'b' },
		{ "help",		no_argument,		NULL, 'h' },
		{ NULL,			0,			NULL, 0 }
	};
	const char	*out = "-", *rules = NULL, *bugs = PACKAGE_BUGREPORT;
	struct doc	*d = NULL;
	struct its	*its = NULL;
	struct catalog	*cat = NULL;
	struct wfile	*wf;
	int		 c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'i':
			rules = optarg;
			break;
		case 'b':
			bugs = optarg;
			break;
		case 'h':
			cmd_help(e, stdout);
			return OPAS_EXIT_OK;
		default:
			return cmd_usage_error(e, NULL);
		}
	}
	if (argc - optind != 1)
		return cmd_usage_error(e, _("give exactly one SOURCE"));
	if ((d = doc_read(argv[optind])) == NULL)
		goto out;
	if ((its = its_for(d, rules)) == NULL)
		goto out;
	cat = extract_run(d, its);
	if ((wf = wfile_open(out)) == NULL)
		goto out;
	if (extract_write_pot(d, cat, wf->f, bugs) == -1) {
		msg(MSG_WRITE, out, 0, 0, strerror(errno));
		wfile_abort(wf);
		goto out;
	}
	(void)wfile_commit(wf);
out:
	extract_free(cat);
	its_free(its);
	doc_free(d);
	return msg_exit_status();
}
