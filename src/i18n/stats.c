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
#include "i18n/po.h"
#include "i18n/seg.h"
#include "i18n/stats.h"

void
stats_count(const struct doc *d, const struct catalog *cat,
    const struct pocat *po, struct langstats *ls)
{
	xmlHashTablePtr	 byid;

	memset(ls, 0, sizeof(*ls));
	byid = xmlHashCreate(1024);
	for (size_t i = 0; i < po->nents; i++) {
		const struct poent	*e = &po->ents[i];
		char			*canon, *key;

		if (e->obsolete)
			continue;
		canon = seg_canonical(d, e->id);
		key = xasprintf("%s\004%s", e->ctxt == NULL ? "" : e->ctxt,
		    canon);
		xmlHashAddEntry(byid, BAD_CAST key, (void *)e);
		free(key);
		free(canon);
	}
	for (size_t i = 0; i < cat->nents; i++) {
		const struct entry	*e = &cat->ents[i];
		const struct poent	*pe;
		char			*canon, *key;

		canon = seg_canonical(d, e->id);
		key = xasprintf("%s\004%s", e->ctxt == NULL ? "" : e->ctxt,
		    canon);
		pe = xmlHashLookup(byid, BAD_CAST key);
		free(key);
		free(canon);
		ls->messages++;
		ls->words += e->words;
		if (pe != NULL && po_usable(pe)) {
			ls->translated++;
			ls->translated_words += e->words;
		} else if (pe != NULL && pe->fuzzy && *pe->str != '\0') {
			ls->fuzzy++;
			ls->fuzzy_words += e->words;
		} else {
			ls->untranslated++;
			ls->untranslated_words += e->words;
		}
	}
	ls->percent = ls->messages == 0 ? 100.0 :
	    100.0 * (double)ls->translated / (double)ls->messages;
	xmlHashFree(byid, NULL);
}

/*
 * Thresholds file: lines "LANG PERCENT" or "default PERCENT", "#"
 * comments.  Returns the threshold for lang (100 when nothing says).
 */
double
stats_threshold(const char *path, const char *lang)
{
	FILE	*f;
	char	*line = NULL;
	size_t	 cap = 0;
	double	 def = 100.0, mine = -1.0;
	int	 no = 0;

	if (path == NULL || (f = fopen(path, "r")) == NULL)
		return def;
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
		if (strcmp(name, "default") == 0)
			def = v;
		else if (strcmp(name, lang) == 0)
			mine = v;
	}
	free(line);
	fclose(f);
	return mine >= 0 ? mine : def;
}
