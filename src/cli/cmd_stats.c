/*
 * cmd_stats.c: opas stats, translation statistics per language.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/intl.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/wfile.h"
#include "cli/cmd.h"
#include "doc/doc.h"
#include "i18n/extract.h"
#include "i18n/its.h"
#include "i18n/merge.h"
#include "i18n/po.h"
#include "i18n/stats.h"

static int	cmd_stats_exec(const struct cmd_entry *, int, char **);

const struct cmd_entry cmd_stats_entry = {
	"stats",
	N_("[--json] [--po-dir DIR] [-o FILE] SOURCE"),
	N_("Show how much of each language is translated, and whether each\n"
	   "edition reaches its publication threshold."),
	N_("      --json         print JSON instead of a table\n"
	   "      --po-dir=DIR   the catalogues' directory (default: po)\n"
	   "  -o, --output=FILE  write to FILE instead of standard output\n"),
	cmd_stats_exec
};

static void
json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/*
 * Count one language: merge its catalogue into a copy of the source,
 * quietly (opas check reports broken translations), and see what was
 * used.
 */
static void
stats_lang(const struct doc *d, const struct catalog *cat,
    const struct pocat *po, const struct lang *l, struct langstats *ls)
{
	struct mergestats	 st;
	unsigned char		*ents = NULL;

	if (po != NULL)
		doc_free(merge_copy(d, po, l, 1, &st, &ents));
	stats_count(d, cat, po, ents, ls);
	free(ents);
}

static int
cmd_stats_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,		NULL, 'j' },
		{ "po-dir",	required_argument,	NULL, 'd' },
		{ "output",	required_argument,	NULL, 'o' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	const char	*dir = "po", *out = "-";
	struct doc	*d = NULL;
	struct its	*its = NULL;
	struct catalog	*cat = NULL;
	struct wfile	*wf = NULL;
	struct thresholds *th = NULL;
	char		**langs = NULL, *thr;
	size_t		 nlangs = 0;
	int		 c, json = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = 1;
			break;
		case 'd':
			dir = optarg;
			break;
		case 'o':
			out = optarg;
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
	thr = xasprintf("%s/thresholds", dir);
	if ((d = doc_read(argv[optind])) == NULL ||
	    (its = its_for(d, NULL)) == NULL)
		goto out;
	cat = extract_run(d, its);
	if ((langs = po_linguas(dir, &nlangs)) == NULL)
		goto out;
	th = stats_thresholds(thr);
	if ((wf = wfile_open(out)) == NULL)
		goto out;

	if (json)
		fprintf(wf->f, "{\n  \"source\": ");
	if (json) {
		json_str(wf->f, d->path);
		fprintf(wf->f, ",\n  \"languages\": [");
	} else
		fprintf(wf->f, "%-6s %-22s %9s %6s %7s %8s %7s %7s %9s  %s\n",
		    _("lang"), _("language"), _("messages"), _("fuzzy"),
		    _("untrans"), _("rejected"), _("words"), _("%"),
		    _("threshold"), _("edition"));
	for (size_t i = 0; i < nlangs; i++) {
		const struct lang	*l;
		struct langstats	 ls;
		struct pocat		*po = NULL;
		char			*path;
		double			 t;
		int			 pub;

		if ((l = lang_find(langs[i])) == NULL) {
			msg(MSG_LANG_UNKNOWN, dir, 0, 0, langs[i]);
			continue;
		}
		path = xasprintf("%s/%s.po", dir, l->po);
		if (access(path, F_OK) == 0 && (po = po_read(path)) == NULL) {
			free(path);
			continue;
		}
		stats_lang(d, cat, po, l, &ls);
		t = stats_threshold(th, l->tag);
		pub = ls.percent >= t;
		if (json) {
			fprintf(wf->f, "%s\n    {\"lang\": ", i == 0 ? "" : ",");
			json_str(wf->f, l->tag);
			fprintf(wf->f, ", \"po\": ");
			json_str(wf->f, path);
			fprintf(wf->f, ", \"name\": ");
			json_str(wf->f, l->english);
			fprintf(wf->f, ", \"native\": ");
			json_str(wf->f, l->native);
			fprintf(wf->f, ", \"dir\": \"%s\",\n     \"messages\": "
			    "%zu, \"translated\": %zu, \"fuzzy\": %zu, "
			    "\"untranslated\": %zu, \"rejected\": %zu,\n"
			    "     \"words\": %zu, "
			    "\"translated_words\": %zu, \"fuzzy_words\": %zu, "
			    "\"untranslated_words\": %zu,\n     \"percent\": "
			    "%.1f, \"threshold\": %.1f, \"published\": %s}",
			    l->dir == LANG_RTL ? "rtl" : "ltr", ls.messages,
			    ls.translated, ls.fuzzy, ls.untranslated,
			    ls.rejected, ls.words,
			    ls.translated_words, ls.fuzzy_words,
			    ls.untranslated_words, ls.percent, t,
			    pub ? "true" : "false");
		} else
			fprintf(wf->f, "%-6s %-22s %4zu/%-4zu %6zu %7zu %8zu "
			    "%7zu %6.1f%% %8.0f%%  %s\n", l->tag, l->english,
			    ls.translated, ls.messages, ls.fuzzy,
			    ls.untranslated, ls.rejected, ls.translated_words,
			    ls.percent,
			    t, pub ? _("published") : _("preview"));
		po_free(po);
		free(path);
	}
	if (json)
		fprintf(wf->f, "\n  ]\n}\n");
	(void)wfile_commit(wf);
out:
	po_linguas_free(langs, nlangs);
	stats_thresholds_free(th);
	free(thr);
	extract_free(cat);
	its_free(its);
	doc_free(d);
	return msg_exit_status();
}
