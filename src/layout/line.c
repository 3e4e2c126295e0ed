/*
 * line.c: paragraphs into lines (see line.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <fribidi.h>
#include <linebreak.h>
#include <thai/thbrk.h>
#include <thai/thcell.h>
#include <thai/thrend.h>
#include <thai/thwbrk.h>
#include <thai/thwchar.h>
#include <thai/tis.h>

#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "layout/hyph.h"
#include "layout/line.h"

#define REPLACEMENT	0xFFFDu
#define DOTTED_CIRCLE	0x25CCu
#define MAXWORD		64	/* longer words are not hyphenated */
#define SHRINK		0.25	/* how much a justified space may shrink */

/* One character of the paragraph, in logical order. */
struct	ch {
	uint32_t	 cp;		/* as written */
	uint32_t	 disp;		/* as drawn: shaped, mirrored */
	uint32_t	 disp2;		/* drawn after disp, or 0 */
	struct font	*font;
	double		 w;		/* advance, points */
	int		 span;
	int		 vis;		/* drawn at all */
};

static ThBrk	*thbrk;

void
line_init(void)
{
	init_linebreak();
}

static int
is_space(uint32_t c)
{
	return c == ' ' || c == 0x3000;
}

/* Format characters that take no room and are not drawn. */
static int
is_invisible(uint32_t c)
{
	return c == 0xad || c == 0x200b || c == 0x200c || c == 0x200d ||
	    c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

/* A letter of some script (FriBidi's strong letters). */
static int
is_letter(uint32_t c)
{
	FriBidiCharType t = fribidi_get_bidi_type(c);

	return FRIBIDI_IS_LETTER(t) && FRIBIDI_IS_STRONG(t);
}

/* Characters that may be part of a hyphenated word. */
static int
is_wordchar(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7) ||
	    (c >= 0x400 && c <= 0x4ff);
}

static uint32_t
utf8_next(const unsigned char **pp)
{
	const unsigned char	*p = *pp;
	uint32_t		 c;
	int			 n;

	if (p[0] < 0x80) {
		*pp = p + 1;
		return p[0];
	}
	if ((p[0] & 0xe0) == 0xc0) {
		c = p[0] & 0x1f;
		n = 1;
	} else if ((p[0] & 0xf0) == 0xe0) {
		c = p[0] & 0x0f;
		n = 2;
	} else if ((p[0] & 0xf8) == 0xf0) {
		c = p[0] & 0x07;
		n = 3;
	} else {
		*pp = p + 1;
		return REPLACEMENT;
	}
	for (int i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80) {
			*pp = p + i;
			return REPLACEMENT;
		}
		c = c << 6 | (p[i] & 0x3f);
	}
	*pp = p + n + 1;
	return c;
}

int
text_first_strong(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;

	while (*p != '\0') {
		FriBidiCharType t = fribidi_get_bidi_type(utf8_next(&p));

		if (FRIBIDI_IS_STRONG(t) && FRIBIDI_IS_LETTER(t))
			return FRIBIDI_IS_RTL(t) ? 1 : 0;
	}
	return -1;
}

/* The spans as characters, white space collapsed. */
static struct ch *
decode(const struct span *sp, size_t nsp, const struct parastyle *ps,
    size_t *np)
{
	struct ch	*v = NULL;
	size_t		 n = 0, cap = 0;

	for (size_t s = 0; s < nsp; s++) {
		const unsigned char	*p = (const unsigned char *)sp[s].text;

		while (*p != '\0') {
			uint32_t c = utf8_next(&p);

			if (c == '\t' || c == '\n' || c == '\r')
				c = ' ';
			else if (c < 0x20 || c == 0x7f)
				continue;
			if (c > 0xffff) {
				char	 hex[16];

				snprintf(hex, sizeof(hex), "U+%04X", c);
				msg(MSG_PDF_NONBMP, sp[s].file, sp[s].line, 0,
				    hex);
				c = REPLACEMENT;
			}
			if (c == ' ' && !ps->keep_spaces &&
			    (n == 0 || v[n - 1].cp == ' '))
				continue;
			if (n == cap) {
				cap = cap == 0 ? 64 : cap * 2;
				v = xreallocarray(v, cap, sizeof(*v));
			}
			memset(&v[n], 0, sizeof(v[n]));
			v[n].cp = v[n].disp = c;
			v[n].span = (int)s;
			n++;
		}
	}
	while (!ps->keep_spaces && n > 0 && v[n - 1].cp == ' ')
		n--;
	*np = n;
	return v;
}

/* A Thai character libthai knows (TIS-620 has it). */
static int
is_thai(uint32_t c)
{
	return c >= 0x0e01 && c <= 0x0e5b &&
	    th_uni2tis((thwchar_t)c) != THCHAR_ERR;
}

/*
 * One grapheme cell of Thai, v[0..k) (t[] in TIS-620), drawn as
 * libthai renders it for the Windows fonts: a tone mark with no upper
 * vowel lowered, marks over a tall consonant (po pla) shifted left, a
 * vowel below yo ying or tho than under a consonant without its
 * descender.  Those glyph variants are at U+F700-U+F71A in the fonts
 * that have them (TLWG).  A tone mark over sara am goes above its
 * nikhahit: the sara am is then drawn as nikhahit and sara aa (disp,
 * disp2).  Marks with no letter are drawn on a dotted circle, as
 * shapers do (libharu would not draw a run of zero width at all).
 */
static void
thai_cell(struct ch *v, const thchar_t *t, size_t k, struct thcell_t cell)
{
	thglyph_t	 g[8];
	uint32_t	 u[8];
	size_t		 ib = k, ih = k, it = k, j = 0;
	int		 decomp, ng, blank = cell.base == 0;

	/* Which character is the base, the vowel, the tone mark. */
	for (size_t i = 0; i < k; i++)
		if (!blank && t[i] == cell.base && ib == k)
			ib = i;
		else if (cell.hilo != 0 && t[i] == cell.hilo && ih == k)
			ih = i;
		else if (cell.top != 0 && t[i] == cell.top && it == k)
			it = i;
		else
			return;
	if ((!blank && ib == k) || (cell.hilo != 0 && ih == k) ||
	    (cell.top != 0 && it == k))
		return;
	decomp = cell.hilo == TIS_SARA_AM && cell.top != 0;
	/* The first mark carries the circle: it must have one glyph. */
	if (blank && decomp && ih == 0)
		return;
	if (blank)
		cell.base = TIS_KO_KAI;		/* a letter of plain shape */
	ng = th_render_cell_win(cell, g, sizeof(g), decomp);
	if (ng <= 0 || (size_t)ng >= sizeof(g))
		return;
	for (int i = 0; i < ng; i++)
		if ((u[i] = (uint32_t)th_winthai2uni(g[i])) ==
		    (uint32_t)THWCHAR_ERR || u[i] == 0)
			return;
	/* The glyphs come base, vowel (or nikhahit), tone, sara am/aa. */
	if (blank)
		j++;
	else
		v[ib].disp = u[j++];
	if (cell.hilo != 0 && (cell.hilo != TIS_SARA_AM || decomp))
		v[ih].disp = u[j++];
	if (cell.top != 0)
		v[it].disp = u[j++];
	if (cell.hilo == TIS_SARA_AM && j < (size_t)ng) {
		if (decomp)
			v[ih].disp2 = u[j++];
		else
			v[ih].disp = u[j++];
	}
	if (blank) {
		v[0].disp2 = v[0].disp;
		v[0].disp = DOTTED_CIRCLE;
	}
}

/*
 * Thai has no shaper here (libharu draws by code point): each run of
 * Thai is drawn cell by cell in the glyph variants above.  Only what
 * is drawn (disp) changes: the order, the line breaks and the span of
 * each character (for diagnostics) stay those of the text as written.
 */
static void
thai_shape(struct ch *v, size_t n)
{
	thchar_t	*t = NULL;
	size_t		 s = 0, e;

	while (s < n) {
		if (!is_thai(v[s].cp)) {
			s++;
			continue;
		}
		for (e = s; e < n && is_thai(v[e].cp); e++)
			;
		t = xreallocarray(t, e - s + 1, sizeof(*t));
		for (size_t i = s; i < e; i++)
			t[i - s] = th_uni2tis((thwchar_t)v[i].cp);
		t[e - s] = 0;
		for (size_t i = 0; i < e - s; ) {
			struct thcell_t	 cell;
			size_t		 k;

			k = th_next_cell(t + i, e - s - i, &cell, 1);
			if (k == 0)
				k = 1;
			else
				thai_cell(v + s + i, t + i, k, cell);
			i += k;
		}
		s = e;
	}
	free(t);
}

/*
 * The font for a character as drawn (both its glyphs), or else for the
 * character as written, which it is then drawn as; NULL if none has it.
 */
static struct font *
pick(struct fontset *fs, enum fstyle st, struct ch *ch)
{
	struct font	*f;

	if ((f = fontset_pick(fs, st, ch->disp)) != NULL &&
	    (ch->disp2 == 0 || font_has(f, ch->disp2)))
		return f;
	if (ch->disp == ch->cp && ch->disp2 == 0)
		return NULL;
	if ((f = fontset_pick(fs, st, ch->cp)) != NULL) {
		ch->disp = ch->cp;
		ch->disp2 = 0;
	}
	return f;
}

/* Fonts and widths; a character no font has is reported and replaced. */
static void
measure(struct ch *v, size_t n, const struct span *sp,
    const struct parastyle *ps)
{
	for (size_t i = 0; i < n; i++) {
		struct font	*f;
		enum fstyle	 st = sp[v[i].span].style;

		/* FriBidi leaves U+FEFF where two letters became one. */
		if (is_invisible(v[i].cp) || v[i].disp == 0xfeff) {
			v[i].vis = 0;
			continue;
		}
		v[i].vis = 1;
		/*
		 * Punctuation, digits and spaces take the font of the letter
		 * before them (or after, at the start), so that a full stop
		 * in English text inside an Arabic book is a Latin one.
		 */
		f = NULL;
		if (!is_letter(v[i].cp)) {
			struct font	*near = NULL;

			for (size_t k = i; k-- > 0 && near == NULL; )
				if (v[k].vis && is_letter(v[k].cp))
					near = v[k].font;
			for (size_t k = i + 1; k < n && near == NULL &&
			    k < i + 64; k++)
				if (is_letter(v[k].cp))
					near = fontset_pick(ps->fonts,
					    sp[v[k].span].style, v[k].disp);
			/* No letter at all, left to right: the Latin font. */
			if (near == NULL && !ps->rtl)
				near = fontset_fallback(ps->fonts, st);
			if (near != NULL && near->style == st &&
			    font_has(near, v[i].disp) && (v[i].disp2 == 0 ||
			    font_has(near, v[i].disp2)))
				f = near;
		}
		if (f == NULL)
			f = pick(ps->fonts, st, &v[i]);
		if (f == NULL) {
			char	 hex[16];

			snprintf(hex, sizeof(hex), "U+%04X", v[i].cp);
			msg(MSG_PDF_NOGLYPH, sp[v[i].span].file,
			    sp[v[i].span].line, 0, hex);
			v[i].cp = v[i].disp = REPLACEMENT;
			v[i].disp2 = 0;
			f = fontset_pick(ps->fonts, st, REPLACEMENT);
			if (f == NULL) {
				v[i].vis = 0;
				continue;
			}
		}
		v[i].font = f;
		v[i].w = font_advance(f, v[i].disp) * ps->size;
		if (v[i].disp2 != 0)
			v[i].w += font_advance(f, v[i].disp2) * ps->size;
	}
}

/* Break opportunities: brk[i] says whether a line may end after i. */
static char *
breaks(const struct ch *v, size_t n, const struct parastyle *ps)
{
	uint32_t	*u = xreallocarray(NULL, n, sizeof(*u));
	char		*brk = xmalloc(n);
	char		 lang[8];
	int		 thai = 0;

	for (size_t i = 0; i < n; i++) {
		u[i] = v[i].cp;
		if (u[i] >= 0x0e00 && u[i] <= 0x0e7f)
			thai = 1;
	}
	snprintf(lang, sizeof(lang), "%.*s", (int)strcspn(ps->lang->tag, "-"),
	    ps->lang->tag);
	set_linebreaks_utf32(u, n, lang, brk);
	/* Never between the groups of a number: "116 117", "0800 147 111". */
	for (size_t i = 1; i + 1 < n; i++)
		if (u[i] == ' ' && u[i - 1] >= '0' && u[i - 1] <= '9' &&
		    u[i + 1] >= '0' && u[i + 1] <= '9' &&
		    brk[i] == LINEBREAK_ALLOWBREAK)
			brk[i] = LINEBREAK_NOBREAK;
	if (thai && sizeof(wchar_t) == sizeof(uint32_t)) {
		int	*pos = xreallocarray(NULL, n + 1, sizeof(*pos));
		int	 k;

		if (thbrk == NULL)
			thbrk = th_brk_new(NULL);
		if (thbrk != NULL) {
			wchar_t	*w = xreallocarray(NULL, n + 1, sizeof(*w));

			for (size_t i = 0; i < n; i++)
				w[i] = (wchar_t)u[i];
			w[n] = 0;
			k = th_brk_wc_find_breaks(thbrk, w, pos, n);
			for (int i = 0; i < k; i++)
				if (pos[i] > 0 && (size_t)pos[i] < n &&
				    brk[pos[i] - 1] != LINEBREAK_MUSTBREAK)
					brk[pos[i] - 1] = LINEBREAK_ALLOWBREAK;
			free(w);
		}
		free(pos);
	}
	free(u);
	return brk;
}

struct	ctx {
	const struct parastyle	*ps;
	const struct span	*sp;
	struct ch		*v;
	size_t			 n;
	double			*pre;		/* pre[i]: width of v[0..i) */
	double			*spre;		/* the same, of spaces only */
	char			*brk;
	FriBidiCharType		*types;		/* NULL: left to right only */
	FriBidiLevel		*levels;
	FriBidiParType		 base;
	FriBidiStrIndex		*map;
	struct font		*hyfont;	/* for the hyphen */
	double			 hyw;
};

/* Width of v[s..e) without trailing spaces. */
static double
width(const struct ctx *c, size_t s, size_t e)
{
	while (e > s && is_space(c->v[e - 1].cp))
		e--;
	return c->pre[e] - c->pre[s];
}

/*
 * Whether v[s..e) and then more points fit the line: in justified
 * text, the spaces between its words may shrink a little, which keeps
 * lines from going loose where a word or its first syllable just
 * misses (emit() then sets the spaces narrower).
 */
static int
fits(const struct ctx *c, size_t s, size_t e, double more)
{
	double	 w = width(c, s, e) + more;

	if (c->ps->align == AL_JUSTIFY) {
		while (e > s && is_space(c->v[e - 1].cp))
			e--;
		w -= (c->spre[e] - c->spre[s]) * SHRINK;
	}
	return w <= c->ps->width;
}

static void
bidi(struct ctx *c)
{
	FriBidiChar		*str;
	FriBidiBracketType	*bt;
	FriBidiArabicProp	*ar;
	int			 any = c->ps->rtl;
	size_t			 n = c->n;

	for (size_t i = 0; i < n && !any; i++)
		any = FRIBIDI_IS_RTL(fribidi_get_bidi_type(c->v[i].cp));
	if (!any)
		return;
	str = xreallocarray(NULL, n, sizeof(*str));
	for (size_t i = 0; i < n; i++)
		str[i] = c->v[i].cp;
	c->types = xreallocarray(NULL, n, sizeof(*c->types));
	c->levels = xreallocarray(NULL, n, sizeof(*c->levels));
	c->map = xreallocarray(NULL, n, sizeof(*c->map));
	bt = xreallocarray(NULL, n, sizeof(*bt));
	ar = xreallocarray(NULL, n, sizeof(*ar));
	fribidi_get_bidi_types(str, (FriBidiStrIndex)n, c->types);
	fribidi_get_bracket_types(str, (FriBidiStrIndex)n, c->types, bt);
	c->base = c->ps->rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	if (fribidi_get_par_embedding_levels_ex(c->types, bt,
	    (FriBidiStrIndex)n, &c->base, c->levels) == 0)
		mem_fail(0);
	fribidi_get_joining_types(str, (FriBidiStrIndex)n, ar);
	fribidi_join_arabic(c->types, (FriBidiStrIndex)n, c->levels, ar);
	fribidi_shape(FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC, c->levels,
	    (FriBidiStrIndex)n, ar, str);
	for (size_t i = 0; i < n; i++) {
		c->v[i].disp = str[i];
		c->map[i] = (FriBidiStrIndex)i;
	}
	free(str);
	free(bt);
	free(ar);
}

/* Where the line that starts at s ends: *hyphen if it ends in one. */
static size_t
line_end(struct ctx *c, size_t s, int *hyphen, int *forced)
{
	double	 W = c->ps->width;
	size_t	 best = 0, over = 0, ws, we, k;

	*hyphen = *forced = 0;
	for (k = s + 1; k <= c->n; k++) {
		if (k < c->n && c->brk[k - 1] != LINEBREAK_MUSTBREAK &&
		    c->brk[k - 1] != LINEBREAK_ALLOWBREAK) {
			/* Inside a word already too wide: stop looking. */
			if (!fits(c, s, k, 0) &&
			    !is_space(c->v[k - 1].cp)) {
				over = k;
				break;
			}
			continue;
		}
		if (fits(c, s, k, 0)) {
			best = k;
			if (k < c->n && c->brk[k - 1] == LINEBREAK_MUSTBREAK) {
				*forced = 1;
				return k;
			}
		} else {
			over = k;
			break;
		}
	}
	if (over == 0)
		return best;

	/* Hyphenate the word that does not fit. */
	ws = best != 0 ? best : s;
	while (ws < over && !is_wordchar(c->v[ws].cp))
		ws++;
	for (we = ws; we < c->n && we - ws <= MAXWORD &&
	    is_wordchar(c->v[we].cp); we++)
		;
	if (c->ps->hyph != NULL && we - ws >= 2 && we - ws <= MAXWORD &&
	    c->hyfont != NULL) {
		uint32_t	*w = xreallocarray(NULL, we - ws, sizeof(*w));
		unsigned char	*ok = xmalloc(we - ws);

		for (size_t i = ws; i < we; i++)
			w[i - ws] = c->v[i].cp;
		hyph_points(c->ps->hyph, w, we - ws, ok);
		for (size_t p = we - ws; p-- > 1; )
			if (ok[p] && fits(c, s, ws + p, c->hyw)) {
				free(w);
				free(ok);
				*hyphen = 1;
				return ws + p;
			}
		free(w);
		free(ok);
	}
	if (best != 0)
		return best;
	/* One word wider than the line: break it where it must. */
	for (k = s + 1; k < c->n && width(c, s, k + 1) <= W; k++)
		;
	return k;
}

static struct piece *
piece_new(struct line *ln)
{
	if (ln->np == ln->capp) {
		ln->capp = ln->capp == 0 ? 8 : ln->capp * 2;
		ln->p = xreallocarray(ln->p, ln->capp, sizeof(*ln->p));
	}
	memset(&ln->p[ln->np], 0, sizeof(ln->p[0]));
	return &ln->p[ln->np++];
}

static void
piece_add(struct piece *p, uint32_t cp, double w)
{
	if (p->n == p->cap) {
		p->cap = p->cap == 0 ? 16 : p->cap * 2;
		p->cp = xreallocarray(p->cp, p->cap, sizeof(*p->cp));
	}
	p->cp[p->n++] = cp;
	p->w += w;
}

/* Thai characters that belong to the cell before them (and sara am). */
static int
is_thai_mark(uint32_t c)
{
	return c == 0x0e31 || (c >= 0x0e33 && c <= 0x0e3a) ||
	    (c >= 0x0e47 && c <= 0x0e4e);
}

/*
 * Whether a justified line may open a gap after v[i].  Thai writes no
 * spaces between words, and a space there ends a phrase, so widening
 * its spaces or its word breaks would read as new phrases: Thai lines
 * are justified between their character cells instead (a base letter
 * with its vowel and tone marks stays one cell), a little each.
 */
static int
thai_gap(const struct ctx *c, size_t i, size_t te)
{
	return i + 1 < te && is_thai(c->v[i].cp) &&
	    is_thai(c->v[i + 1].cp) && !is_thai_mark(c->v[i + 1].cp);
}

/* The line v[s..e) as pieces in visual order. */
static void
emit(struct ctx *c, size_t s, size_t e, int hyphen, int last,
    struct para *out)
{
	const struct parastyle	*ps = c->ps;
	struct line		*ln;
	struct piece		*cur = NULL;
	size_t			*vis, nv = 0, te = e, nsp = 0;
	double			 nat = 0, x, extra = 0, cs = 0;
	int			 rtl;

	while (te > s && is_space(c->v[te - 1].cp))
		te--;
	if (out->n == out->cap) {
		out->cap = out->cap == 0 ? 8 : out->cap * 2;
		out->v = xreallocarray(out->v, out->cap, sizeof(*out->v));
	}
	ln = &out->v[out->n++];
	memset(ln, 0, sizeof(*ln));

	/* Visual order. */
	vis = xreallocarray(NULL, te - s + 1, sizeof(*vis));
	if (c->types != NULL && te > s) {
		if (fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, c->types,
		    (FriBidiStrIndex)(te - s), (FriBidiStrIndex)s, c->base,
		    c->levels, NULL, c->map) == 0)
			mem_fail(0);
		for (size_t i = s; i < te; i++)
			vis[nv++] = (size_t)c->map[i];
	} else
		for (size_t i = s; i < te; i++)
			vis[nv++] = i;
	rtl = c->types != NULL && FRIBIDI_IS_RTL(c->base);

	for (size_t i = 0; i < nv; i++) {
		const struct ch *ch = &c->v[vis[i]];

		if (!ch->vis)
			continue;
		nat += ch->w;
		if (is_space(ch->cp) || thai_gap(c, vis[i], te))
			nsp++;
	}
	if (hyphen)
		nat += c->hyw;
	ln->w = nat;

	/*
	 * Alignment and justification: the room left over goes into the
	 * gaps between words; a line that line_end() let its spaces
	 * shrink to fit gets them narrower, even as the last line.
	 */
	if (ps->align == AL_JUSTIFY && nsp > 0 &&
	    ((!last && nat < ps->width) || nat > ps->width)) {
		extra = (ps->width - nat) / (double)nsp;
		x = 0;
	} else if (ps->align == AL_JUSTIFY && !last && nat < ps->width) {
		size_t	 k = 0;
		int	 thai = 0;

		/* No spaces (Chinese): between characters; never marks. */
		for (size_t i = 0; i < nv; i++) {
			k += c->v[vis[i]].vis;
			thai |= is_thai(c->v[vis[i]].cp);
		}
		if (k > 1 && !thai)
			cs = (ps->width - nat) / (double)(k - 1);
		if (cs > ps->size * 0.3)
			cs = 0;
		x = 0;
	} else if (ps->align == AL_CENTER)
		x = (ps->width - nat) / 2;
	else if ((ps->align == AL_END) != rtl)
		x = ps->width - nat;
	else
		x = 0;

	for (size_t i = 0; i < nv; i++) {
		const struct ch	*ch = &c->v[vis[i]];
		int		 link = c->sp[ch->span].link;

		if (!ch->vis)
			continue;
		if (cur == NULL || cur->font != ch->font || cur->link != link) {
			if (cur != NULL)
				x = cur->x + cur->w;
			cur = piece_new(ln);
			cur->font = ch->font;
			cur->link = link;
			cur->cs = cs;
			cur->x = x;
		}
		if (ch->disp2 != 0) {
			double	 w2 = font_advance(ch->font, ch->disp2) *
			    ps->size;

			piece_add(cur, ch->disp, ch->w - w2 + cs);
			piece_add(cur, ch->disp2, w2 + cs);
			font_use(ch->font, ch->disp2);
		} else
			piece_add(cur, ch->disp, ch->w + cs);
		font_use(ch->font, ch->disp);
		/* A word and its space are one piece; the gap follows. */
		if (is_space(ch->cp) || thai_gap(c, vis[i], te)) {
			x = cur->x + cur->w + extra;
			cur = NULL;
		}
	}
	if (hyphen) {
		if (cur != NULL)
			x = cur->x + cur->w;
		cur = piece_new(ln);
		cur->font = c->hyfont;
		cur->link = -1;
		cur->x = x;
		piece_add(cur, '-', c->hyw);
		font_use(c->hyfont, '-');
	}
	/* The last character of a piece gets no letter spacing after it. */
	for (size_t i = 0; i < ln->np; i++)
		if (ln->p[i].cs > 0 && i + 1 == ln->np)
			ln->p[i].w -= ln->p[i].cs;
	free(vis);
}

void
para_layout(const struct span *sp, size_t nsp, const struct parastyle *ps,
    struct para *out)
{
	struct ctx	 c;
	size_t		 s = 0;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.ps = ps;
	c.sp = sp;
	if ((c.v = decode(sp, nsp, ps, &c.n)) == NULL || c.n == 0) {
		free(c.v);
		return;
	}
	bidi(&c);
	thai_shape(c.v, c.n);
	measure(c.v, c.n, sp, ps);
	c.pre = xreallocarray(NULL, c.n + 1, sizeof(*c.pre));
	c.spre = xreallocarray(NULL, c.n + 1, sizeof(*c.spre));
	c.pre[0] = c.spre[0] = 0;
	for (size_t i = 0; i < c.n; i++) {
		c.pre[i + 1] = c.pre[i] + c.v[i].w;
		c.spre[i + 1] = c.spre[i] +
		    (is_space(c.v[i].cp) ? c.v[i].w : 0);
	}
	c.brk = breaks(c.v, c.n, ps);
	if ((c.hyfont = fontset_pick(ps->fonts, FS_REGULAR, '-')) != NULL)
		c.hyw = font_advance(c.hyfont, '-') * ps->size;

	while (s < c.n) {
		size_t	 e;
		int	 hyphen, forced;

		while (s < c.n && is_space(c.v[s].cp) && !ps->keep_spaces)
			s++;
		if (s >= c.n)
			break;
		e = line_end(&c, s, &hyphen, &forced);
		if (e <= s)
			e = s + 1;
		if (!hyphen && e > s && c.v[e - 1].cp == 0xad)
			hyphen = 1;
		emit(&c, s, e, hyphen, e >= c.n || forced, out);
		s = e;
	}
	free(c.v);
	free(c.pre);
	free(c.spre);
	free(c.brk);
	free(c.types);
	free(c.levels);
	free(c.map);
}

void
para_free(struct para *p)
{
	for (size_t i = 0; i < p->n; i++) {
		for (size_t j = 0; j < p->v[i].np; j++)
			free(p->v[i].p[j].cp);
		free(p->v[i].p);
	}
	free(p->v);
	p->v = NULL;
	p->n = 0;
}
