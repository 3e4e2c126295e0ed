/*
 * layout.c: fuzz target of the layout engine, through the text device.
 * The input is the text of one paragraph; para_layout() breaks it into
 * lines as for a PDF edition, the lines go onto pages of a display
 * list, and dl_text() prints them as the golden tests see them.
 *
 * Input: byte 0 picks the language (its fonts, line breaking and
 * hyphenation: Finnish, Arabic, Chinese, Thai, ...); byte 1 the
 * alignment, the base direction, whether spaces are kept (verbatim)
 * and the style of the first span; byte 2 the line width, from a
 * fraction of an em up to a page; the rest is the text, bytes as they
 * come (the engine must not trust them to be UTF-8), cut into spans
 * of alternating style at each byte 0x01.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "layout/dl.h"
#include "layout/font.h"
#include "layout/hyph.h"
#include "layout/line.h"
#include "fuzz.h"

#define SIZE	10.0		/* points */
#define LEAD	(SIZE * 1.4)
#define PAGELINES 40

/* gcc says __SANITIZE_ADDRESS__; clang 14 only answers __has_feature. */
#if defined(__SANITIZE_ADDRESS__)
#define WITH_LSAN	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WITH_LSAN	1
#endif
#endif
#ifdef WITH_LSAN
#include <sanitizer/lsan_interface.h>
#endif

/* Fonts and hyphenation of each language, loaded once. */
static struct {
	struct fontset	*fonts;
	struct hyph	*hyph;
} tab[32];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const struct lang	*l;

	fuzz_quiet();
	line_init();
	if (lang_count() > sizeof(tab) / sizeof(tab[0]))
		abort();
	for (size_t i = 0; i < lang_count(); i++) {
		l = lang_at(i);
		/* A missing font is the installation's fault, not ours. */
		if ((tab[i].fonts = fontset_new(l->fonts)) == NULL)
			abort();
		/*
		 * libhyphen 2.8.8 loses 4 bytes loading the Russian
		 * dictionary, even after hnj_hyphen_free() (see src/main.c).
		 * Matching that by its stack needs the slow unwinder on
		 * every allocation, which would make fuzzing ten times
		 * slower; the dictionaries are loaded here once and kept,
		 * so leave their loading out of the leak check instead.
		 */
#ifdef WITH_LSAN
		__lsan_disable();
#endif
		tab[i].hyph = hyph_new(l->hyph);
#ifdef WITH_LSAN
		__lsan_enable();
#endif
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum align	 aligns[] = { AL_START, AL_JUSTIFY,
	    AL_CENTER, AL_END };
	const struct lang	*l;
	struct parastyle	 ps;
	struct span		*sp = NULL;
	struct para		 p;
	struct dl		 dl;
	struct buf		 out = { 0 };
	char			*text;
	size_t			 li, nsp = 0, start;

	if (size < 3)
		return 0;
	li = data[0] % lang_count();
	l = lang_at(li);
	memset(&ps, 0, sizeof(ps));
	ps.fonts = tab[li].fonts;
	ps.lang = l;
	ps.hyph = tab[li].hyph;
	ps.size = SIZE;
	ps.align = aligns[data[1] & 3];
	ps.rtl = (data[1] >> 2) & 1;
	ps.keep_spaces = (data[1] >> 3) & 1;
	ps.width = 2.0 + data[2] * 1.6;

	text = xmalloc(size - 3 + 1);
	memcpy(text, data + 3, size - 3);
	text[size - 3] = '\0';
	for (size_t i = start = 0; i <= size - 3; i++) {
		if (i < size - 3 && text[i] != '\001')
			continue;
		text[i] = '\0';
		sp = xreallocarray(sp, nsp + 1, sizeof(*sp));
		sp[nsp].text = text + start;
		sp[nsp].style = (enum fstyle)((((data[1] >> 4) & 3) + nsp) %
		    FS_NSTYLES);
		sp[nsp].link = nsp % 2 ? (int)nsp : -1;
		sp[nsp].file = "fuzz.xml";
		sp[nsp].line = (int)nsp + 1;
		nsp++;
		start = i + 1;
	}

	para_layout(sp, nsp, &ps, &p);
	memset(&dl, 0, sizeof(dl));
	for (size_t i = 0; i < p.n; i++) {
		const struct line *ln = &p.v[i];

		for (size_t k = 0; k < ln->np; k++) {
			const struct piece	*pc = &ln->p[k];
			struct dlitem		*t;

			if (pc->font == NULL || (pc->link != -1 &&
			    (pc->link < 0 || (size_t)pc->link >= nsp)))
				abort();
			t = dl_add(&dl, DL_TEXT, (int)(i / PAGELINES));
			t->font = pc->font;
			t->size = SIZE;
			t->cs = pc->cs;
			t->x = pc->x;
			t->y = (double)(i % PAGELINES + 1) * LEAD;
			t->w = pc->w;
			t->n = pc->n;
			t->cp = xreallocarray(NULL, pc->n, sizeof(*t->cp));
			memcpy(t->cp, pc->cp, pc->n * sizeof(*t->cp));
		}
	}
	dl_text(&dl, &out);
	buf_free(&out);
	dl_free(&dl);
	para_free(&p);
	free(sp);
	free(text);
	msg_reset();
	return 0;
}
