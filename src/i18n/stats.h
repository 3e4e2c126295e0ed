/*
 * stats.h: translation statistics of one catalogue against the guide.
 *
 * Counts are of the guide's current messages (a catalogue's obsolete or
 * stale entries do not count); words are the English source's words.
 * A message is translated when merge used its translation (ents, from
 * merge_run(), NULL when there is no catalogue); a translation merge
 * refused counts as untranslated, and as rejected.
 */
#ifndef OPAS_STATS_H
#define OPAS_STATS_H

#include <stddef.h>

struct catalog;
struct doc;
struct pocat;
struct thresholds;

struct	langstats {
	size_t	 messages, translated, fuzzy, untranslated, rejected;
	size_t	 words, translated_words, fuzzy_words, untranslated_words;
	double	 percent;	/* messages translated, 0 to 100 */
};

void	stats_count(const struct doc *, const struct catalog *,
	    const struct pocat *, const unsigned char *ents,
	    struct langstats *);
struct thresholds	*stats_thresholds(const char *);
double			 stats_threshold(const struct thresholds *, const char *);
void			 stats_thresholds_free(struct thresholds *);

#endif
