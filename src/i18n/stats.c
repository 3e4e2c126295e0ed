/*
 * stats.c: how much of a catalogue translates the guide as it is now
 * (see stats.h), and the publication thresholds of po/thresholds.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "base/mem.h"
#include "base/msg.h"
#include "doc/doc.h"
#include "i18n/extract.h"
#include "i18n/merge.h"
#include "i18n/po.h"
#include "i18n/seg.h"
#include "i18n/stats.h"

static int
is_fuzzy(const struct doc *d, xmlHashTablePtr fuzzy, const struct entry *e)
{
	char	*canon, *key;
	int	 found;

	canon = seg_canonical(d, e->id);
	key = xasprintf("%s\004%s", e->ctxt == NULL ? "" : e->ctxt, canon);
	found = xmlHashLookup(fuzzy, BAD_CAST key) != NULL;
	free(key);
	free(canon);
	return found;
}

void
stats_count(const struct doc *d, const struct catalog *cat,
    const struct pocat *po, const unsigned char *ents, struct langstats *ls)
{
	xmlHashTablePtr	 fuzzy;

	memset(ls, 0, sizeof(*ls));
	/* Fuzzy entries, by canonical msgid, for the "fuzzy" column. */
	fuzzy = xmlHashCreate(64);
	for (size_t i = 0; po != NULL && i < po->nents; i++) {
		const struct poent	*e = &po->ents[i];
		char			*canon, *key;

		if (e->obsolete || !e->fuzzy || *e->str == '\0')
			continue;
		canon = seg_canonical(d, e->id);
		key = xasprintf("%s\004%s", e->ctxt == NULL ? "" : e->ctxt,
		    canon);
		xmlHashAddEntry(fuzzy, BAD_CAST key, (void *)e);
		free(key);
		free(canon);
	}
	for (size_t i = 0; i < cat->nents; i++) {
		const struct entry	*e = &cat->ents[i];
		int			 res;

		res = ents == NULL ? MERGE_SOURCE : ents[i];
		ls->messages++;
		ls->words += e->words;
		if (res == MERGE_TRANSLATED) {
			ls->translated++;
			ls->translated_words += e->words;
			continue;
		}
		if (res == MERGE_REJECTED)
			ls->rejected++;
		if (res == MERGE_SOURCE && is_fuzzy(d, fuzzy, e)) {
			ls->fuzzy++;
			ls->fuzzy_words += e->words;
		} else {
			ls->untranslated++;
			ls->untranslated_words += e->words;
		}
	}
	ls->percent = ls->messages == 0 ? 100.0 :
	    100.0 * (double)ls->translated / (double)ls->messages;
	xmlHashFree(fuzzy, NULL);
}

struct	thresholds {
	double	 def;		/* "default", 100 unless set */
	char	**langs;	/* tags with their own threshold */
	double	*values;
	size_t	 n;
};

/*
 * The thresholds file: lines "LANG PERCENT" or "default PERCENT", "#"
 * comments.  A missing file means 100 for every language.
 */
struct thresholds *
stats_thresholds(const char *path)
{
	struct thresholds	*th;
	FILE			*f;
	char			*line = NULL;
	size_t			 cap = 0;
	int			 no = 0;

	th = xcalloc(1, sizeof(*th));
	th->def = 100.0;
	if (path == NULL || (f = fopen(path, "r")) == NULL)
		return th;
	while (getline(&line, &cap, f) != -1) {
		char	 name[64], *end;
		double	 v;
		char	*s = line;

		no++;
		if ((end = strchr(s, '#')) != NULL)
			*end = '\0';
		while (isspace((unsigned char)*s))
			s++;
		if (*s == '\0')
			continue;
		if (sscanf(s, "%63s %lf", name, &v) != 2 || v < 0 || v > 100) {
			msg(MSG_THRESHOLD, path, no, 0);
			continue;
		}
		if (strcmp(name, "default") == 0) {
			th->def = v;
			continue;
		}
		th->langs = xreallocarray(th->langs, th->n + 1,
		    sizeof(*th->langs));
		th->values = xreallocarray(th->values, th->n + 1,
		    sizeof(*th->values));
		th->langs[th->n] = xstrdup(name);
		th->values[th->n++] = v;
	}
	free(line);
	fclose(f);
	return th;
}

/* The threshold of a language: its own line (the last), or default. */
double
stats_threshold(const struct thresholds *th, const char *lang)
{
	for (size_t i = th->n; i > 0; i--)
		if (strcmp(th->langs[i - 1], lang) == 0)
			return th->values[i - 1];
	return th->def;
}

void
stats_thresholds_free(struct thresholds *th)
{
	if (th == NULL)
		return;
	for (size_t i = 0; i < th->n; i++)
		free(th->langs[i]);
	free(th->langs);
	free(th->values);
	free(th);
}
