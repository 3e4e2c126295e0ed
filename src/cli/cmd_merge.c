/*
 * cmd_merge.c: opas merge, source plus catalogue to translated XML.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/intl.h"
#include "base/lang.h"
#include "base/msg.h"
#include "base/wfile.h"
#include "cli/cmd.h"
#include "doc/doc.h"
#include "i18n/its.h"
#include "i18n/merge.h"
#include "i18n/po.h"

static int	cmd_merge_exec(const struct cmd_entry *, int, char **);

const struct cmd_entry cmd_merge_entry = {
	"merge",
	N_("-p PO [-l LANG] [-o XML] [--strict] [--its RULES] SOURCE"),
	N_("Write the translated XML of a guide source."),
	N_("  -p, --po=PO        the translation catalogue\n"
	   "  -l, --lang=LANG    the language (default: the catalogue's Language)\n"
	   "  -o, --output=XML   write to XML instead of standard output\n"
	   "      --strict       a broken translation is fatal: nothing is written\n"
	   "      --its=RULES    ITS 2.0 rules instead of the DocBook defaults\n"),
	cmd_merge_exec
};

static int
cmd_merge_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "po",		required_argument,	NULL, 'p' },
		{ "lang",	required_argument,	NULL, 'l' },
		{ "output",	required_argument,	NULL, 'o' },
		{ "strict",	no_argument,		NULL, 's' },
		{ "its",	required_argument,	NULL, 'i' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	const char		*pofile = NULL, *langname = NULL, *out = "-";
	const char		*rules = NULL;
	const struct lang	*l;
	struct doc		*d = NULL;
	struct its		*its = NULL;
	struct pocat		*po = NULL;
	struct mergestats	 st;
	struct wfile		*wf;
	int			 c, strict = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, "hp:l:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			pofile = optarg;
			break;
		case 'l':
			langname = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 's':
			strict = 1;
			break;
		case 'i':
			rules = optarg;
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
	if (pofile == NULL)
		return cmd_usage_error(e, _("no catalogue given (-p PO)"));
	msg_set_strict(strict);

	if ((po = po_read(pofile)) == NULL)
		goto out;
	if (langname == NULL)
		langname = po->lang;
	if (langname == NULL || *langname == '\0') {
		msg(MSG_PO_NOLANG, pofile, 0, 0);
		goto out;
	}
	if ((l = lang_find(langname)) == NULL) {
		msg(MSG_LANG_UNKNOWN, pofile, 0, 0, langname);
		goto out;
	}
	if ((d = doc_read(argv[optind])) == NULL)
		goto out;
	if ((its = its_for(d, rules)) == NULL)
		goto out;
	merge_run(d, its, po, l, &st);
	its_free(its);
	its = NULL;
	if (msg_exit_status() == OPAS_EXIT_ERROR)
		goto out;
	if ((wf = wfile_open(out)) == NULL)
		goto out;
	if (xmlDocDump(wf->f, d->xml) == -1) {
		msg(MSG_WRITE, out, 0, 0, strerror(errno));
		wfile_abort(wf);
		goto out;
	}
	(void)wfile_commit(wf);
out:
	its_free(its);
	doc_free(d);
	po_free(po);
	return msg_exit_status();
}
