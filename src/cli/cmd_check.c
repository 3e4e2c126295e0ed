/*
 * cmd_check.c: opas check, lint a guide source.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/data.h"
#include "base/intl.h"
#include "base/mem.h"
#include "base/msg.h"
#include "cli/cmd.h"
#include "base/lang.h"
#include "doc/doc.h"
#include "i18n/its.h"
#include "i18n/merge.h"
#include "i18n/po.h"
#include "pkg/manifest.h"

static int	cmd_check_exec(const struct cmd_entry *, int, char **);

const struct cmd_entry cmd_check_entry = {
	"check",
	N_("[--schema RNG] [-p PO | --po-dir DIR] [-m MANIFEST] SOURCE..."),
	N_("Check guide sources: well-formedness, safety, the guide schema,\n"
	   "unique ids and link targets; and translation catalogues: msgfmt's\n"
	   "checks and every translation's markup, placeholders and links."),
	N_("      --schema=RNG   validate against RNG instead of the guide schema\n"
	   "  -p, --po=PO        also check this catalogue against the source\n"
	   "      --po-dir=DIR   also check every catalogue of DIR/LINGUAS\n"
	   "  -m, --manifest=FILE  also check a distribution manifest\n"
	   "                     (dist/authorities.xml): its schema, ids,\n"
	   "                     and that its editions exist (with -p or\n"
	   "                     --po-dir: among those catalogues)\n"),
	cmd_check_exec
};

/* Check one catalogue by merging it into a fresh copy of the source. */
static void
check_po(const char *path, const char *po_path)
{
	const struct lang	*l;
	struct mergestats	 st;
	struct pocat		*po;
	struct doc		*d;
	struct its		*its;

	if ((po = po_read(po_path)) == NULL)
		return;
	po_lint(po_path);
	if (po->lang == NULL || (l = lang_find(po->lang)) == NULL) {
		if (po->lang == NULL || *po->lang == '\0')
			msg(MSG_PO_NOLANG, po_path, 0, 0);
		else
			msg(MSG_LANG_UNKNOWN, po_path, 0, 0, po->lang);
	} else if ((d = doc_read(path)) != NULL) {
		if ((its = its_for(d, NULL)) != NULL) {
			merge_run(d, its, po, l, &st, NULL);
			its_free(its);
		}
		doc_free(d);
	}
	po_free(po);
}

static void
check_one(const char *path, const char *schema, char **pos, size_t npos)
{
	struct doc	*d;

	if ((d = doc_read(path)) == NULL)
		return;
	if (d->version == 5)
		doc_validate(d, schema);
	else
		doc_check_elements(d);
	doc_check_links(d);
	doc_free(d);
	for (size_t i = 0; i < npos; i++)
		check_po(path, pos[i]);
}

/*
 * The distribution manifest, against the editions that exist: the
 * source's language and the catalogues' (any known language when no
 * catalogue was named).
 */
static void
check_manifest(const char *path, const char *source, char **pos,
    size_t npos)
{
	const struct lang	**avail = NULL;
	struct manifest		*m;
	struct doc		*d;
	size_t			 n = 0;

	if (npos > 0) {
		avail = xcalloc(npos + 1, sizeof(*avail));
		if ((d = doc_read(source)) != NULL) {
			xmlChar *tag = xmlNodeGetLang(
			    xmlDocGetRootElement(d->xml));

			if (tag != NULL &&
			    (avail[n] = lang_find((const char *)tag)) != NULL)
				n++;
			xmlFree(tag);
			doc_free(d);
		}
		for (size_t i = 0; i < npos; i++) {
			struct pocat *po = po_read(pos[i]);

			if (po != NULL && po->lang != NULL &&
			    (avail[n] = lang_find(po->lang)) != NULL)
				n++;
			po_free(po);
		}
	}
	m = manifest_read(path, avail, n);
	manifest_free(m);
	free(avail);
}

/* The catalogues named in DIR/LINGUAS that exist. */
static void
po_dir(const char *dir, char ***pos, size_t *npos)
{
	char	**langs;
	size_t	  n;

	if ((langs = po_linguas(dir, &n)) == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		char *po = xasprintf("%s/%s.po", dir, langs[i]);

		if (access(po, F_OK) == 0) {
			*pos = xreallocarray(*pos, *npos + 1, sizeof(**pos));
			(*pos)[(*npos)++] = po;
		} else
			free(po);
	}
	po_linguas_free(langs, n);
}

static int
cmd_check_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "schema",	required_argument,	NULL, 's' },
		{ "po",		required_argument,	NULL, 'p' },
		{ "po-dir",	required_argument,	NULL, 'd' },
		{ "manifest",	required_argument,	NULL, 'm' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	char	*schema = NULL, **pos = NULL, *manifest = NULL;
	size_t	 npos = 0;
	int	 c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "hm:p:", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			pos = xreallocarray(pos, npos + 1, sizeof(*pos));
			pos[npos++] = xstrdup(optarg);
			break;
		case 'd':
			po_dir(optarg, &pos, &npos);
			break;
		case 'm':
			manifest = optarg;
			break;
		case 's':
			free(schema);
			schema = xstrdup(optarg);
			break;
		case 'h':
			cmd_help(e, stdout);
			free(schema);
			return OPAS_EXIT_OK;
		default:
			free(schema);
			return cmd_usage_error(e, NULL);
		}
	}
	if (optind >= argc) {
		free(schema);
		return cmd_usage_error(e, _("no SOURCE given"));
	}
	if (schema == NULL &&
	    (schema = data_find("schema/guide.rng")) == NULL) {
		msg(MSG_DATAFILE, NULL, 0, 0, "schema/guide.rng");
		return OPAS_EXIT_ERROR;
	}
	for (int i = optind; i < argc; i++)
		check_one(argv[i], schema, pos, npos);
	if (manifest != NULL)
		check_manifest(manifest, argv[optind], pos, npos);
	for (size_t i = 0; i < npos; i++)
		free(pos[i]);
	free(pos);
	free(schema);
	return msg_exit_status();
}
