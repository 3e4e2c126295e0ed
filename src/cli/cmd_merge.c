/*
 * cmd_merge.c: opas merge, source plus catalogue to translated XML.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/intl.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/wfile.h"
#include "cli/cmd.h"
#include "doc/doc.h"
#include "i18n/its.h"
#include "i18n/merge.h"
#include "i18n/po.h"

static int	cmd_merge_exec(const struct cmd_entry *, int, char **);
static int	add_catalogue(struct pocat **, const char *);

const struct cmd_entry cmd_merge_entry = {
	"merge",
	N_("-p PO... [-l LANG] [-o XML] [--strict] [--its RULES] SOURCE"),
	N_("Write the translated XML of a guide source."),
	N_("  -p, --po=PO        the translation catalogue; repeat it, or name a\n"
	   "                     directory of .po files, for one per source file\n"
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
	int			 bad = 0;
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
			if (pofile == NULL)
				pofile = optarg;
			if (add_catalogue(&po, optarg) == -1)
				bad = 1;
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
			po_free(po);
			cmd_help(e, stdout);
			return OPAS_EXIT_OK;
		default:
			po_free(po);
			return cmd_usage_error(e, NULL);
		}
	}
	if (argc - optind != 1 || pofile == NULL) {
		po_free(po);
		return cmd_usage_error(e, pofile == NULL ?
		    _("no catalogue given (-p PO)") :
		    _("give exactly one SOURCE"));
	}
	msg_set_strict(strict);
	if (bad || po == NULL)
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
	merge_run(d, its, po, l, &st, NULL);
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

static int
namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Read a catalogue into *po; a directory adds every .po file in it, in
 * name order.  Returns -1 after reporting when one cannot be read.
 */
static int
add_catalogue(struct pocat **po, const char *path)
{
	struct stat	 st;
	struct dirent	*de;
	DIR		*dir;
	char		**names = NULL;
	size_t		 n = 0;
	int		 rc = 0;

	if (stat(path, &st) == -1 || !S_ISDIR(st.st_mode)) {
		if (*po == NULL)
			return (*po = po_read(path)) == NULL ? -1 : 0;
		return po_add(*po, path);
	}
	if ((dir = opendir(path)) == NULL) {
		msg(MSG_OPEN, path, 0, 0, strerror(errno));
		return -1;
	}
	while ((de = readdir(dir)) != NULL) {
		size_t len = strlen(de->d_name);

		if (len > 3 && de->d_name[0] != '.' &&
		    strcmp(de->d_name + len - 3, ".po") == 0) {
			names = xreallocarray(names, n + 1, sizeof(*names));
			names[n++] = xasprintf("%s/%s", path, de->d_name);
		}
	}
	closedir(dir);
	if (n == 0) {
		msg(MSG_PO_NONE, path, 0, 0);
		rc = -1;
	}
	qsort(names, n, sizeof(*names), namecmp);
	for (size_t i = 0; i < n; i++) {
		if (rc == 0 && (*po == NULL ?
		    (*po = po_read(names[i])) == NULL :
		    po_add(*po, names[i]) == -1))
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}
