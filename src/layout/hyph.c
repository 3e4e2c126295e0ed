/*
 * hyph.c: hyphenation through libvoikko and libhyphen (see hyph.h).
 */
#include "config.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>
#include <libvoikko/voikko.h>
#include <libxml/hash.h>

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
	iconv_t			 conv;		/* UTF-8 to an 8-bit dictionary */
	xmlHashTablePtr		 seen;		/* word -> its points, n bytes */
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
		h->conv = h->dict->utf8 ? (iconv_t)-1 :
		    iconv_open(h->dict->cset, "UTF-8");
	} else {
		free(h);
		return NULL;
	}
	h->seen = xmlHashCreate(1024);
	return h;
}

static void
free_points(void *p, const xmlChar *name)
{
	(void)name;
	free(p);
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
	if (h->conv != (iconv_t)-1 && h->dict != NULL)
		iconv_close(h->conv);
	xmlHashFree(h->seen, free_points);
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

/*
 * libhyphen: a UTF-8 dictionary gives one value per character; an
 * 8-bit one (hyph_sv is ISO8859-1, hyph_ru KOI8-R, as its first line
 * says) one per byte of the word in its charset.  An odd value allows
 * a break after that character.
 */
static void
dict_points(struct hyph *h, char *u, size_t n, unsigned char *ok)
{
	char	*s = u, *hy;
	char	**rep = NULL;
	int	*pos = NULL, *cut = NULL;
	size_t	 len = strlen(u);

	if (!h->dict->utf8) {
		char	*in = u, *out;
		size_t	 inleft = len, outleft = n + 1;

		if (h->conv == (iconv_t)-1)
			goto done;
		s = out = xmalloc(n + 1);
		iconv(h->conv, NULL, NULL, NULL, NULL);
		if (iconv(h->conv, &in, &inleft, &out, &outleft) ==
		    (size_t)-1 || inleft != 0 || (size_t)(out - s) != n)
			goto done;	/* not all in the dictionary's charset */
		*out = '\0';
		len = n;
	}
	hy = xmalloc(len + 5);
	if (hnj_hyphen_hyphenate2(h->dict, s, (int)len, hy, NULL, &rep, &pos,
	    &cut) == 0)
		for (size_t i = MINPART; i + MINPART <= n; i++)
			ok[i] = (hy[i - 1] & 1) && (rep == NULL ||
			    rep[i - 1] == NULL);
	if (rep != NULL) {
		for (size_t i = 0; i < len; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	free(hy);
done:
	if (s != u)
		free(s);
}

/*
 * A book uses the same words again and again, and libvoikko takes some
 * 40,000 instructions a word: each word is hyphenated once.
 */
void
hyph_points(struct hyph *h, const uint32_t *w, size_t n, unsigned char *ok)
{
	unsigned char	*seen;
	char		*s;

	memset(ok, 0, n);
	if (h == NULL || n < MINWORD)
		return;
	s = utf8(w, n);
	if ((seen = xmlHashLookup(h->seen, BAD_CAST s)) != NULL) {
		memcpy(ok, seen, n);
		free(s);
		return;
	}
	if (h->voikko != NULL) {
		char	*pat;

		/* One pattern character per character of the word. */
		if ((pat = voikkoHyphenateCstr(h->voikko, s)) != NULL) {
			for (size_t i = MINPART; i + MINPART <= n &&
			    pat[i] != '\0'; i++)
				ok[i] = pat[i] == '-';
			voikkoFreeCstr(pat);
		}
	} else if (h->dict != NULL)
		dict_points(h, s, n, ok);
	seen = xmalloc(n);
	memcpy(seen, ok, n);
	if (xmlHashAddEntry(h->seen, BAD_CAST s, seen) != 0)
		free(seen);
	free(s);
}
