/*
 * hyph.c: hyphenation through libvoikko and libhyphen (see hyph.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <hyphen.h>
#include <libvoikko/voikko.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/msg.h"
#include "layout/hyph.h"

#define HYPHDIR	"/usr/share/hyphen"
#define MINWORD	6	/* shorter words are never hyphenated */
#define MINPART	2	/* letters kept on either side */

struct	hyph {
	struct VoikkoHandle	*voikko;
	HyphenDict		*dict;
};

struct hyph *
hyph_new(const char *method)
{
	struct hyph	*h;
	const char	*err = NULL;
	char		*path;

	if (method == NULL || *method == '\0')
		return NULL;
	h = xcalloc(1, sizeof(*h));
	if (strncmp(method, "voikko:", 7) == 0) {
		if ((h->voikko = voikkoInit(&err, method + 7, NULL)) == NULL) {
			msg(MSG_HYPH_MISSING, NULL, 0, 0, method,
			    "voikko-fi");
			free(h);
			return NULL;
		}
		voikkoSetIntegerOption(h->voikko,
		    VOIKKO_MIN_HYPHENATED_WORD_LENGTH, MINWORD);
	} else if (strncmp(method, "hyph:", 5) == 0) {
		path = xasprintf("%s/hyph_%s.dic", HYPHDIR, method + 5);
		h->dict = hnj_hyphen_load(path);
		free(path);
		if (h->dict == NULL) {
			msg(MSG_HYPH_MISSING, NULL, 0, 0, method,
			    "hyphen-*");
			free(h);
			return NULL;
		}
	} else {
		free(h);
		return NULL;
	}
	return h;
}

void
hyph_free(struct hyph *h)
{
	if (h == NULL)
		return;
	if (h->voikko != NULL)
		voikkoTerminate(h->voikko);
	if (h->dict != NULL)
		hnj_hyphen_free(h->dict);
	free(h);
}

/* UTF-8 of a word. */
static char *
utf8(const uint32_t *w, size_t n)
{
	struct buf	 b = { 0 };

	for (size_t i = 0; i < n; i++)
		buf_add_utf8(&b, w[i]);
	return buf_detach(&b);
}

void
hyph_points(struct hyph *h, const uint32_t *w, size_t n, unsigned char *ok)
{
	memset(ok, 0, n);
	if (h == NULL || n < MINWORD)
		return;
	if (h->voikko != NULL) {
		char	*s = utf8(w, n), *pat;

		/* One pattern character per character of the word. */
		if ((pat = voikkoHyphenateCstr(h->voikko, s)) != NULL) {
			for (size_t i = MINPART; i + MINPART <= n &&
			    pat[i] != '\0'; i++)
				ok[i] = pat[i] == '-';
			voikkoFreeCstr(pat);
		}
		free(s);
	} else if (h->dict != NULL) {
		/* The dictionaries are Latin-1: other words are left alone. */
		char	*s = xmalloc(n + 1), *hy = xmalloc(n + 5);
		char	**rep = NULL;
		int	*pos = NULL, *cut = NULL;

		for (size_t i = 0; i < n; i++) {
			if (w[i] > 0xff) {
				free(s);
				free(hy);
				return;
			}
			s[i] = (char)w[i];
		}
		s[n] = '\0';
		if (hnj_hyphen_hyphenate2(h->dict, s, (int)n, hy, NULL, &rep,
		    &pos, &cut) == 0)
			for (size_t i = MINPART; i + MINPART <= n; i++)
				ok[i] = (hy[i - 1] & 1) && (rep == NULL ||
				    rep[i - 1] == NULL);
		if (rep != NULL) {
			for (size_t i = 0; i < n; i++)
				free(rep[i]);
			free(rep);
		}
		free(pos);
		free(cut);
		free(s);
		free(hy);
	}
}
