/*
 * hyph.h: hyphenation points of a word, by the method of the language
 * table: "voikko:LANG" (libvoikko) or "hyph:NAME" (libhyphen with
 * /usr/share/hyphen/hyph_NAME.dic).  hyph.c is the only file that
 * includes their headers.
 */
#ifndef OPAS_HYPH_H
#define OPAS_HYPH_H

#include <stddef.h>
#include <stdint.h>

struct hyph;

/* NULL for "" (no hyphenation) or after warning that it is missing. */
struct hyph	*hyph_new(const char *method);
void		 hyph_free(struct hyph *);
/*
 * ok[i] = 1 where the word may be broken before character i, with a
 * hyphen at the end of the first part (0 < i < n).
 */
void		 hyph_points(struct hyph *, const uint32_t *, size_t,
		    unsigned char *ok);

#endif
