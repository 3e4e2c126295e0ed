/*
 * book.c: laying out a book (see book.h).
 *
 * Two passes: the first finds the page of every contents entry, the
 * second lays everything out again with those numbers (the contents
 * keep their size: the numbers sit in a column of their own).  A
 * paragraph broken into lines in the first pass is not broken again in
 * the second: its lines are kept, keyed by everything that decides
 * them, unless breaking it said something (the second pass says it).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/buf.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "doc/doc.h"
#include "doc/gentext.h"
#include "layout/book.h"
#include "layout/dl.h"
#include "layout/line.h"

#define XML_NS		"http://www.w3.org/XML/1998/namespace"

#define BODY		10.0
#define LEAD		1.38	/* leading, in sizes */
#define SMALL		8.5
#define GAP		5.0	/* between blocks */
#define INDENT		14.0	/* lists */

struct	tocent {
	int	 level;
	char	*title;
	char	*dest;
	int	 page;
};

/* Paragraphs already broken into lines, by what decided their lines. */
struct	pcent {
	char		*key;		/* NULL: a free slot */
	size_t		 klen;
	struct para	 p;
};

struct	pcache {
	struct pcent	*v;
	size_t		 cap, n;	/* cap: a power of two */
};

/* An admonition box open on the current page. */
struct	frame {
	size_t	 at;		/* display list index of its start */
	double	 y;
	double	 x0, x1;
};

struct	bk {
	struct doc		*d;
	const struct bookstyle	*st;
	struct dl		*dl;
	double			 pw, ph, mx, mt, mb;
	int			 page;
	double			 y;
	double			 x0, x1;	/* text column, from the left */
	int			 rtl;		/* the edition's direction */
	char			**links;	/* "uri" or "#dest" */
	size_t			 nlinks;
	char			**toclinks;	/* the contents' (LINK_TOC) */
	size_t			 ntoclinks;
	struct tocent		*toc;
	size_t			 ntoc, itoc;
	int			 pass;
	char			**header;	/* per page: running header */
	size_t			 nheader;
	char			*running;
	struct frame		 fr[8];
	size_t			 nfr;
	char			*marker;	/* list marker for the next line */
	int			 markrtl;	/* ... on the right */
	int			 nohyph;	/* headings: never hyphenated */
	int			 autodir;	/* verbatim: its first letter's */
	char			**strs;		/* span texts to free */
	size_t			 nstrs;
	struct pcache		 pc;
	xmlNodePtr		 locup;		/* span_add(): the file of */
	const char		*locfile;	/* locup's children */
};

/* Spans being gathered for one paragraph. */
struct	spans {
	struct span	*v;
	size_t		 n, cap;
};

static void	block(struct bk *, xmlNodePtr);
static void	blocks(struct bk *, xmlNodePtr);

static int
is_db(struct bk *b, xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    doc_is_db(b->d, n) && (name == NULL ||
	    strcmp((const char *)n->name, name) == 0);
}

static const char *
word(struct bk *b, const char *key)
{
	return gentext(b->st->words, b->st->lang->tag, key);
}

static char *
keep(struct bk *b, char *s)
{
	b->strs = xreallocarray(b->strs, b->nstrs + 1, sizeof(*b->strs));
	b->strs[b->nstrs++] = s;
	return s;
}

/* Whether text in node n runs right to left. */
static int
node_rtl(struct bk *b, xmlNodePtr n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
		xmlChar			*l = xmlGetNsProp(n, BAD_CAST "lang",
					    BAD_CAST XML_NS);
		const struct lang	*lg;

		if (l == NULL)
			continue;
		lg = lang_find((char *)l);
		xmlFree(l);
		if (lg != NULL)
			return lg->dir == LANG_RTL;
		break;
	}
	return b->rtl;
}

/* ------------------------------------------------------------------ */
/* Pages                                                               */

static double	bottom(const struct bk *);
static void	frame_draw(struct bk *, const struct frame *, double);

static void
new_page(struct bk *b)
{
	/* Open boxes run to the foot of this page and go on on the next. */
	for (size_t i = b->nfr; i-- > 0; )
		frame_draw(b, &b->fr[i], bottom(b));
	b->page++;
	b->y = b->mt;
	b->dl->pages = b->page + 1;
	b->header = xreallocarray(b->header, (size_t)b->page + 1,
	    sizeof(*b->header));
	for (size_t i = b->nheader; i <= (size_t)b->page; i++)
		b->header[i] = NULL;
	b->nheader = (size_t)b->page + 1;
	b->header[b->page] = b->running != NULL ? xstrdup(b->running) : NULL;
	for (size_t i = 0; i < b->nfr; i++) {
		b->fr[i].at = b->dl->n;
		b->fr[i].y = b->y;
	}
	if (b->nfr > 0)
		b->y += 4;
}

static double
bottom(const struct bk *b)
{
	return b->ph - b->mb;
}

static void
need(struct bk *b, double h)
{
	if (b->y + h > bottom(b) && b->y > b->mt + 4 * b->nfr + 0.5)
		new_page(b);
}

/*
 * An admonition box on the current page, from its top down to y: a
 * light ground and a bar on the start side, put under what it holds.
 */
static void
frame_draw(struct bk *b, const struct frame *f, double y)
{
	struct dlitem	*r;

	r = dl_insert(b->dl, f->at, DL_RECT, b->page);
	r->x = f->x0;
	r->y = f->y;
	r->w = f->x1 - f->x0;
	r->h = y - f->y;
	r->gray = 0.94;
	r = dl_insert(b->dl, f->at + 1, DL_RECT, b->page);
	r->x = b->rtl ? f->x1 - 3 : f->x0;
	r->y = f->y;
	r->w = 3;
	r->h = y - f->y;
	r->gray = 0.35;
}

/* ------------------------------------------------------------------ */
/* Inline content                                                      */

static int
link_add(struct bk *b, const char *target)
{
	b->links = xreallocarray(b->links, b->nlinks + 1, sizeof(*b->links));
	b->links[b->nlinks] = xstrdup(target);
	return (int)b->nlinks++;
}

/*
 * The contents' links are numbered apart, from -2 down: the first pass
 * has no contents yet, and the body's links must be numbered alike in
 * both passes, as the paragraph cache's keys hold them.
 */
#define LINK_TOC(i)	(-2 - (int)(i))

static int
toc_link_add(struct bk *b, const char *target)
{
	b->toclinks = xreallocarray(b->toclinks, b->ntoclinks + 1,
	    sizeof(*b->toclinks));
	b->toclinks[b->ntoclinks] = xstrdup(target);
	return LINK_TOC(b->ntoclinks++);
}

/* What a link (not -1) points at. */
static const char *
link_target(const struct bk *b, int link)
{
	return link >= 0 ? b->links[link] : b->toclinks[-2 - link];
}

static void
span_add(struct bk *b, struct spans *sp, const char *text, enum fstyle st,
    int link, xmlNodePtr where)
{
	struct msgloc	 loc;
	char		*f;
	const char	*file;
	xmlNodePtr	 up = where->parent;
	long		 line;
	int		 own;

	/*
	 * The file comes from xml:base, up the tree: the same as the
	 * parent's unless the node has its own, and working it out for
	 * every span was a fiftieth of the layout.
	 */
	own = where->type == XML_ELEMENT_NODE &&
	    xmlHasNsProp(where, BAD_CAST "base", XML_XML_NAMESPACE) != NULL;
	if (own || up == NULL || up != b->locup) {
		doc_node_loc(b->d, where, &loc, &f);
		file = f != NULL ? keep(b, f) : NULL;
		if (!own) {
			b->locup = up;
			b->locfile = file;
		}
	} else
		file = b->locfile;
	line = xmlGetLineNo(where);
	if (sp->n == sp->cap) {
		sp->cap = sp->cap == 0 ? 8 : sp->cap * 2;
		sp->v = xreallocarray(sp->v, sp->cap, sizeof(*sp->v));
	}
	sp->v[sp->n].text = text;
	sp->v[sp->n].style = st;
	sp->v[sp->n].link = link;
	sp->v[sp->n].file = file;
	sp->v[sp->n].line = line < 0 ? 0 : (int)line;
	sp->n++;
}

/* The title of an element, as plain text (caller frees). */
static char *
title_of(struct bk *b, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (is_db(b, c, "info"))
			return title_of(b, c);
		if (is_db(b, c, "title") || is_db(b, c, "glossterm")) {
			xmlChar	*t = xmlNodeGetContent(c);
			char	*s = xstrdup(t == NULL ? "" : (char *)t);

			xmlFree(t);
			return s;
		}
	}
	return NULL;
}

static xmlNodePtr
find_id(xmlDocPtr doc, const char *id)
{
	xmlAttrPtr	 a = xmlGetID(doc, BAD_CAST id);

	return a != NULL ? a->parent : NULL;
}

/*
 * The bidi isolate an inline element opens, or NULL: phone numbers,
 * addresses and e-mail are left to right whatever surrounds them (as
 * dir="ltr" in HTML), and so is any element with its own dir or a
 * language of the other direction.
 */
static const char *
isolate(struct bk *b, xmlNodePtr n)
{
	static const char	 lri[] = "\xe2\x81\xa6", rli[] = "\xe2\x81\xa7";
	const char		*name = (const char *)n->name;
	xmlChar			*v;
	const char		*r = NULL;

	if (strcmp(name, "email") == 0 || strcmp(name, "uri") == 0)
		return lri;
	/* A link that shows its address (no spaces; a dot, slash or @). */
	if (strcmp(name, "link") == 0) {
		xmlChar	*t = xmlNodeGetContent(n);
		int	 addr = t != NULL && *t != '\0' &&
		    strpbrk((char *)t, " \t\n") == NULL &&
		    strpbrk((char *)t, "./@") != NULL;

		xmlFree(t);
		if (addr)
			return lri;
	}
	if ((v = xmlGetProp(n, BAD_CAST "dir")) != NULL) {
		r = strcmp((char *)v, "rtl") == 0 ? rli : lri;
		xmlFree(v);
		return r;
	}
	if ((v = xmlGetProp(n, BAD_CAST "role")) != NULL) {
		if (strcmp((char *)v, "phone") == 0)
			r = lri;
		xmlFree(v);
		if (r != NULL)
			return r;
	}
	if ((v = xmlGetNsProp(n, BAD_CAST "lang", BAD_CAST XML_NS)) != NULL) {
		const struct lang *l = lang_find((char *)v);

		xmlFree(v);
		if (l != NULL && (l->dir == LANG_RTL) != b->rtl)
			return l->dir == LANG_RTL ? rli : lri;
	}
	return NULL;
}

static void
inlines(struct bk *b, xmlNodePtr first, xmlNodePtr stop, enum fstyle st,
    int link, struct spans *sp)
{
	for (xmlNodePtr n = first; n != NULL && n != stop; n = n->next) {
		const char	*name = (const char *)n->name;
		xmlChar		*v;
		enum fstyle	 s2 = st;
		int		 l2 = link;
		const char	*iso;

		if (n->type == XML_TEXT_NODE || n->type ==
		    XML_CDATA_SECTION_NODE) {
			span_add(b, sp, keep(b, xstrdup((char *)n->content)),
			    st, link, n->parent);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || !doc_is_db(b->d, n))
			continue;
		if (strcmp(name, "indexterm") == 0 ||
		    strcmp(name, "remark") == 0 ||
		    strcmp(name, "footnote") == 0)
			continue;
		if (strcmp(name, "emphasis") == 0 ||
		    strcmp(name, "glossterm") == 0 ||
		    strcmp(name, "firstterm") == 0)
			s2 = FS_BOLD;
		else if (strcmp(name, "literal") == 0 ||
		    strcmp(name, "code") == 0 || strcmp(name, "filename") == 0 ||
		    strcmp(name, "command") == 0 ||
		    strcmp(name, "userinput") == 0)
			s2 = st == FS_BOLD ? FS_BOLD : FS_MONO;
		if ((v = xmlGetNsProp(n, BAD_CAST "href",
		    BAD_CAST DOC_NS_XLINK)) != NULL) {
			if (link < 0)
				l2 = link_add(b, (char *)v);
			xmlFree(v);
		} else if ((v = xmlGetProp(n, BAD_CAST "linkend")) != NULL) {
			char	*t = xasprintf("#%s", (char *)v);

			if (link < 0)
				l2 = link_add(b, t);
			free(t);
			if (strcmp(name, "xref") == 0) {
				xmlNodePtr	 target = find_id(b->d->xml,
				    (char *)v);
				char		*title = target == NULL ? NULL :
				    title_of(b, target);

				span_add(b, sp, keep(b, title != NULL ? title :
				    xstrdup((char *)v)), st, l2, n);
				xmlFree(v);
				continue;
			}
			xmlFree(v);
		} else if (strcmp(name, "email") == 0 ||
		    strcmp(name, "uri") == 0) {
			xmlChar	*t = xmlNodeGetContent(n);
			char	*u = strcmp(name, "email") == 0 ?
			    xasprintf("mailto:%s", (char *)t) :
			    xstrdup((char *)t);

			if (link < 0)
				l2 = link_add(b, u);
			free(u);
			xmlFree(t);
		} else if (strcmp(name, "phrase") == 0 &&
		    (v = xmlGetProp(n, BAD_CAST "role")) != NULL) {
			if (strcmp((char *)v, "phone") == 0 && link < 0) {
				xmlChar	*t = xmlNodeGetContent(n);
				char	*u = xmalloc(strlen((char *)t) + 5), *p;

				strcpy(u, "tel:");
				p = u + 4;
				for (const char *q = (char *)t; *q; q++)
					if ((*q >= '0' && *q <= '9') ||
					    *q == '+')
						*p++ = *q;
				*p = '\0';
				l2 = link_add(b, u);
				free(u);
				xmlFree(t);
			}
			xmlFree(v);
		}
		iso = isolate(b, n);
		if (iso != NULL)
			span_add(b, sp, iso, st, link, n);
		if (strcmp(name, "quote") == 0)
			span_add(b, sp, word(b, "quote-open"), st, link, n);
		inlines(b, n->children, NULL, s2, l2, sp);
		if (strcmp(name, "quote") == 0)
			span_add(b, sp, word(b, "quote-close"), st, link, n);
		if (iso != NULL)
			span_add(b, sp, "\xe2\x81\xa9", st, link, n);	/* PDI */
	}
}

/* ------------------------------------------------------------------ */
/* Lines onto pages                                                    */

static void
draw_line(struct bk *b, const struct line *ln, double x0, double base,
    double size)
{
	for (size_t i = 0; i < ln->np; i++) {
		const struct piece	*p = &ln->p[i];
		struct dlitem		*t;

		t = dl_add(b->dl, DL_TEXT, b->page);
		t->font = p->font;
		t->size = size;
		t->cs = p->cs;
		t->x = x0 + p->x;
		t->y = base;
		t->w = p->w;
		t->n = p->n;
		t->cp = xreallocarray(NULL, p->n, sizeof(*t->cp));
		memcpy(t->cp, p->cp, p->n * sizeof(*t->cp));
		if (p->link != -1) {
			double		 tx = t->x;	/* t moves on dl_add */
			struct dlitem	*a = dl_add(b->dl, DL_LINK, b->page);
			const char	*to = link_target(b, p->link);

			a->x = tx;
			a->y = base - size;
			a->w = p->w;
			a->h = size * 1.25;
			a->internal = to[0] == '#';
			a->s = xstrdup(a->internal ? to + 1 : to);
		}
	}
}

/* A laid-out paragraph onto the pages, keeping widows and orphans. */
static void
place(struct bk *b, const struct para *p, double x0, double size,
    double lead)
{
	size_t	 i = 0;

	while (i < p->n) {
		size_t	 fit = (size_t)((bottom(b) - b->y) / lead);
		size_t	 left = p->n - i;

		if (fit < left) {
			/* At least two lines on each side of a break. */
			if (left <= 3 || fit < 2)
				fit = 0;
			else if (left - fit < 2)
				fit = left - 2;
		} else
			fit = left;
		if (fit == 0) {
			if (b->y <= b->mt + 4 * b->nfr + 0.5)
				fit = left;	/* a page cannot hold it */
			else {
				new_page(b);
				continue;
			}
		}
		for (size_t k = 0; k < fit && i < p->n; k++, i++) {
			double base = b->y + size;

			if (b->marker != NULL && i == 0) {
				struct span	 sp = { b->marker, FS_REGULAR,
				    -1, NULL, 0 };
				struct parastyle ps = { b->st->fonts,
				    b->st->lang, NULL, size, INDENT,
				    AL_START, b->markrtl, 0 };
				struct para	 mp;

				para_layout(&sp, 1, &ps, &mp);
				if (mp.n > 0)
					draw_line(b, &mp.v[0], b->markrtl ?
					    x0 + (b->x1 - b->x0) : x0 - INDENT,
					    base, size);
				para_free(&mp);
				b->marker = NULL;
			}
			draw_line(b, &p->v[i], x0, base, size);
			b->y += lead;
		}
		if (i < p->n)
			new_page(b);
	}
}

static uint64_t
fnv(const char *s, size_t n)
{
	uint64_t	 h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

/* The slot of a key: its entry, or the free slot where it would go. */
static struct pcent *
pc_slot(struct pcache *pc, const char *key, size_t len)
{
	size_t	 i = (size_t)fnv(key, len) & (pc->cap - 1);

	while (pc->v[i].key != NULL && (pc->v[i].klen != len ||
	    memcmp(pc->v[i].key, key, len) != 0))
		i = (i + 1) & (pc->cap - 1);
	return &pc->v[i];
}

static void
pc_grow(struct pcache *pc)
{
	struct pcache	 n;

	n.cap = pc->cap == 0 ? 256 : pc->cap * 2;
	n.n = pc->n;
	n.v = xcalloc(n.cap, sizeof(*n.v));
	for (size_t i = 0; i < pc->cap; i++)
		if (pc->v[i].key != NULL)
			*pc_slot(&n, pc->v[i].key, pc->v[i].klen) = pc->v[i];
	free(pc->v);
	*pc = n;
}

static void
pc_free(struct pcache *pc)
{
	for (size_t i = 0; i < pc->cap; i++)
		if (pc->v[i].key != NULL) {
			free(pc->v[i].key);
			para_free(&pc->v[i].p);
		}
	free(pc->v);
	memset(pc, 0, sizeof(*pc));
}

/*
 * A paragraph's lines from the cache (the second pass), or NULL: then
 * the caller breaks it, and in the first pass it is broken here and
 * kept, if that said nothing.  The key is all that para_layout() reads:
 * the node (for the place of messages), the style, and every span.
 */
static struct para *
pc_layout(struct bk *b, const struct spans *sp, const struct parastyle *ps,
    xmlNodePtr where)
{
	struct {
		const void	*where, *fonts, *hyph;
		double		 size, width;
		int		 align, rtl, keep;
	}		 head;
	struct {
		size_t		 flen, len;
		int		 style, link, line;
	}		 span;
	struct buf	 k = { 0 };
	struct pcent	*e;
	unsigned	 muted;

	/* The key is bytes: the structures are cleared, padding and all. */
	memset(&head, 0, sizeof(head));
	head.where = where;
	head.fonts = ps->fonts;
	head.hyph = ps->hyph;
	head.size = ps->size;
	head.width = ps->width;
	head.align = (int)ps->align;
	head.rtl = ps->rtl;
	head.keep = ps->keep_spaces;
	buf_add(&k, (const char *)&head, sizeof(head));
	for (size_t i = 0; i < sp->n; i++) {
		const char	*file = sp->v[i].file != NULL ?
		    sp->v[i].file : "";

		memset(&span, 0, sizeof(span));
		span.flen = strlen(file);
		span.len = strlen(sp->v[i].text);
		span.style = (int)sp->v[i].style;
		span.link = sp->v[i].link;
		span.line = sp->v[i].line;
		buf_add(&k, (const char *)&span, sizeof(span));
		buf_add(&k, file, span.flen);
		buf_add(&k, sp->v[i].text, span.len);
	}
	if (b->pc.cap > 0 && (e = pc_slot(&b->pc, k.data, k.len))->key !=
	    NULL) {
		buf_free(&k);
		return &e->p;
	}
	if (b->pass != 1) {
		buf_free(&k);
		return NULL;
	}
	if ((b->pc.n + 1) * 2 > b->pc.cap)
		pc_grow(&b->pc);
	e = pc_slot(&b->pc, k.data, k.len);
	muted = msg_muted();
	para_layout(sp->v, sp->n, ps, &e->p);
	if (msg_muted() != muted) {
		/* It has something to say: the second pass breaks it again. */
		para_free(&e->p);
		buf_free(&k);
		return NULL;
	}
	e->klen = k.len;
	e->key = buf_detach(&k);
	b->pc.n++;
	return &e->p;
}

/* A copy of a paragraph's lines, for a caller that frees its own. */
static void
para_copy(struct para *to, const struct para *from)
{
	to->n = from->n;
	to->cap = from->n > 0 ? from->n : 1;
	to->v = xreallocarray(NULL, to->cap, sizeof(*to->v));
	for (size_t i = 0; i < from->n; i++) {
		const struct line	*fl = &from->v[i];
		struct line		*tl = &to->v[i];

		*tl = *fl;
		tl->capp = fl->np > 0 ? fl->np : 1;
		tl->p = xreallocarray(NULL, tl->capp, sizeof(*tl->p));
		for (size_t j = 0; j < fl->np; j++) {
			tl->p[j] = fl->p[j];
			tl->p[j].cap = fl->p[j].n;
			tl->p[j].cp = xreallocarray(NULL, fl->p[j].n > 0 ?
			    fl->p[j].n : 1, sizeof(*tl->p[j].cp));
			memcpy(tl->p[j].cp, fl->p[j].cp,
			    fl->p[j].n * sizeof(*tl->p[j].cp));
		}
	}
}

static void
para_out(struct bk *b, struct spans *sp, xmlNodePtr where, enum align al,
    double size)
{
	struct parastyle	 ps;
	struct para		 p, *cached;

	if (sp->n == 0)
		return;
	memset(&ps, 0, sizeof(ps));
	ps.fonts = b->st->fonts;
	ps.lang = b->st->lang;
	ps.hyph = b->st->hyph;
	ps.size = size;
	ps.width = b->x1 - b->x0;
	ps.align = al;
	ps.rtl = node_rtl(b, where);
	for (size_t i = 0; b->autodir && i < sp->n; i++) {
		int d = text_first_strong(sp->v[i].text);

		if (d != -1) {
			ps.rtl = d;
			break;
		}
	}
	if (ps.rtl != b->rtl || b->nohyph)
		ps.hyph = NULL;
	if ((cached = pc_layout(b, sp, &ps, where)) == NULL)
		para_layout(sp->v, sp->n, &ps, &p);
	if ((cached != NULL ? cached : &p)->n > 0) {
		place(b, cached != NULL ? cached : &p, b->x0, size,
		    size * LEAD);
		b->y += GAP;
	}
	if (cached == NULL)
		para_free(&p);
	free(sp->v);
	sp->v = NULL;
	sp->n = sp->cap = 0;
}

static void
dest(struct bk *b, xmlNodePtr n)
{
	xmlChar		*id = xmlGetNsProp(n, BAD_CAST "id", BAD_CAST XML_NS);
	struct dlitem	*d;

	if (id == NULL)
		return;
	d = dl_add(b->dl, DL_DEST, b->page);
	d->y = b->y;
	d->s = xstrdup((char *)id);
	xmlFree(id);
}

/* A heading: kept with the first lines after it. */
static void
heading(struct bk *b, xmlNodePtr div, int level, const char *destname)
{
	static const double	 sizes[] = { 18, 13.5, 11.5, 10.5 };
	double			 size = sizes[level > 3 ? 3 : level];
	struct spans		 sp = { NULL, 0, 0 };
	xmlNodePtr		 t = NULL;
	char			*title;

	for (xmlNodePtr c = div->children; c != NULL; c = c->next) {
		if (is_db(b, c, "title"))
			t = c;
		else if (is_db(b, c, "info"))
			for (xmlNodePtr i = c->children; i; i = i->next)
				if (is_db(b, i, "title"))
					t = i;
	}
	if (level > 0) {
		b->y += size * 0.6;
		need(b, size * LEAD * 2 + BODY * LEAD * 3);
	}
	dest(b, div);
	title = title_of(b, div);
	if (title != NULL && level <= 2) {
		struct dlitem *o = dl_add(b->dl, DL_OUTLINE, b->page);

		o->s = xstrdup(title);
		o->level = level;
		o->t = xstrdup(destname);
		o->y = b->y;
		if (b->pass == 1 && level <= 1) {
			b->toc = xreallocarray(b->toc, b->ntoc + 1,
			    sizeof(*b->toc));
			b->toc[b->ntoc].level = level;
			b->toc[b->ntoc].title = xstrdup(title);
			b->toc[b->ntoc].dest = xstrdup(destname);
			b->toc[b->ntoc].page = b->page;
			b->ntoc++;
		}
	}
	free(title);
	if (t != NULL) {
		inlines(b, t->children, NULL, FS_BOLD, -1, &sp);
		b->nohyph = 1;
		para_out(b, &sp, t, AL_START, size);
		b->nohyph = 0;
		b->y += size * 0.2;
	}
}

/* ------------------------------------------------------------------ */
/* Blocks                                                              */

static int
is_inline_name(const char *name)
{
	static const char *const v[] = { "emphasis", "phrase", "link",
	    "xref", "email", "uri", "quote", "literal", "code", "filename",
	    "command", "userinput", "foreignphrase", "firstterm",
	    "glossterm", "citetitle", "abbrev", "acronym", "superscript",
	    "subscript", "date", "indexterm", "remark", "footnote",
	    "personname", "orgname", "option", "replaceable", "application",
	    "productname", "guilabel", "keycap", NULL };

	for (size_t i = 0; v[i] != NULL; i++)
		if (strcmp(v[i], name) == 0)
			return 1;
	return 0;
}

/* A paragraph-like element: runs of inline content between blocks. */
static void
mixed(struct bk *b, xmlNodePtr n, enum align al, enum fstyle st)
{
	xmlNodePtr	 run = NULL;
	struct spans	 sp = { NULL, 0, 0 };

	for (xmlNodePtr c = n->children; ; c = c->next) {
		int inl = c != NULL && (c->type != XML_ELEMENT_NODE ||
		    is_inline_name((const char *)c->name));

		if (c != NULL && inl) {
			if (run == NULL)
				run = c;
			continue;
		}
		if (run != NULL) {
			inlines(b, run, c, st, -1, &sp);
			para_out(b, &sp, n, al, BODY);
			run = NULL;
		}
		if (c == NULL)
			break;
		block(b, c);
	}
}

static void
list(struct bk *b, xmlNodePtr n, int ordered)
{
	int	 k = 0;
	double	 x0 = b->x0, x1 = b->x1;

	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		char	 mark[32];

		if (is_db(b, c, "title")) {
			struct spans sp = { NULL, 0, 0 };

			inlines(b, c->children, NULL, FS_BOLD, -1, &sp);
			para_out(b, &sp, c, AL_START, BODY);
			continue;
		}
		if (!is_db(b, c, "listitem"))
			continue;
		k++;
		if (ordered)
			snprintf(mark, sizeof(mark), "%d.", k);
		else
			snprintf(mark, sizeof(mark), "\xe2\x80\xa2");
		/* The item's own direction: an untranslated item in an
		   Arabic book is a left-to-right item. */
		{
			xmlNodePtr first = c->children;

			while (first != NULL &&
			    first->type != XML_ELEMENT_NODE)
				first = first->next;
			b->markrtl = node_rtl(b, first != NULL ? first : c);
		}
		if (b->markrtl)
			b->x1 -= INDENT;
		else
			b->x0 += INDENT;
		b->marker = keep(b, xstrdup(mark));
		blocks(b, c->children);
		b->marker = NULL;
		b->x0 = x0;
		b->x1 = x1;
	}
}

static void
admonition(struct bk *b, xmlNodePtr n)
{
	struct spans	 sp = { NULL, 0, 0 };
	double		 x0 = b->x0, x1 = b->x1;
	xmlNodePtr	 t = NULL;
	int		 boxed = 0;

	need(b, BODY * LEAD * 4);
	/* Boxes nest eight deep; deeper ones are only indented. */
	if (b->nfr < sizeof(b->fr) / sizeof(b->fr[0])) {
		boxed = 1;
		b->fr[b->nfr].at = b->dl->n;
		b->fr[b->nfr].y = b->y;
		b->fr[b->nfr].x0 = b->x0;
		b->fr[b->nfr].x1 = b->x1;
		b->nfr++;
	}
	b->y += 5;
	b->x0 += 10;
	b->x1 -= 10;
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if (is_db(b, c, "title"))
			t = c;
	span_add(b, &sp, word(b, (const char *)n->name), FS_BOLD, -1, n);
	if (t != NULL) {
		span_add(b, &sp, ": ", FS_BOLD, -1, n);
		inlines(b, t->children, NULL, FS_BOLD, -1, &sp);
	}
	para_out(b, &sp, n, AL_START, BODY);
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if (!is_db(b, c, "title"))
			block(b, c);
	b->x0 = x0;
	b->x1 = x1;
	if (boxed) {
		b->y -= GAP - 2;
		b->nfr--;
		frame_draw(b, &b->fr[b->nfr], b->y + 4);
		b->y += 4 + GAP;
	}
}

static void
verbatim(struct bk *b, xmlNodePtr n, enum fstyle st)
{
	xmlChar		*t = xmlNodeGetContent(n);
	char		*s = xstrdup(t == NULL ? "" : (char *)t), *line, *save;

	xmlFree(t);
	for (line = strtok_r(s, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		struct spans	 sp = { NULL, 0, 0 };

		span_add(b, &sp, keep(b, xstrdup(line)), st, -1, n);
		b->autodir = 1;
		para_out(b, &sp, n, AL_START, BODY);
		b->autodir = 0;
		b->y -= GAP;
	}
	b->y += GAP;
	free(s);
}

/* Cells of one row laid out at a width each. */
static double
row_height(struct bk *b, xmlNodePtr row, const double *w, size_t ncol,
    struct para *cells, int head)
{
	double	 h = 0;
	size_t	 k = 0;

	for (xmlNodePtr e = row->children; e != NULL && k < ncol;
	    e = e->next) {
		struct spans		 sp = { NULL, 0, 0 };
		struct parastyle	 ps;
		struct para		*cached;

		if (!is_db(b, e, "entry"))
			continue;
		inlines(b, e->children, NULL, head ? FS_BOLD : FS_REGULAR, -1,
		    &sp);
		for (xmlNodePtr p = e->children; p != NULL; p = p->next)
			if (is_db(b, p, "para") || is_db(b, p, "simpara")) {
				if (sp.n > 0)
					span_add(b, &sp, " ", FS_REGULAR, -1,
					    p);
				inlines(b, p->children, NULL, head ?
				    FS_BOLD : FS_REGULAR, -1, &sp);
			}
		memset(&ps, 0, sizeof(ps));
		ps.fonts = b->st->fonts;
		ps.lang = b->st->lang;
		ps.size = SMALL;
		ps.width = w[k] - 8;
		ps.align = AL_START;
		ps.rtl = node_rtl(b, e);
		if ((cached = pc_layout(b, &sp, &ps, e)) != NULL)
			para_copy(&cells[k], cached);
		else
			para_layout(sp.v, sp.n, &ps, &cells[k]);
		free(sp.v);
		if (cells[k].n * SMALL * LEAD + 6 > h)
			h = cells[k].n * SMALL * LEAD + 6;
		k++;
	}
	return h;
}

static void
row_draw(struct bk *b, struct para *cells, const double *w, size_t ncol,
    double h, int head)
{
	double	 x = b->rtl ? b->x1 : b->x0;

	for (size_t k = 0; k < ncol; k++) {
		struct dlitem	*r;
		double		 cx = b->rtl ? x - w[k] : x;

		if (head) {
			r = dl_add(b->dl, DL_RECT, b->page);
			r->x = cx;
			r->y = b->y;
			r->w = w[k];
			r->h = h;
			r->gray = 0.9;
		}
		r = dl_add(b->dl, DL_RECT, b->page);
		r->x = cx;
		r->y = b->y;
		r->w = w[k];
		r->h = h;
		r->lw = 0.5;
		for (size_t i = 0; i < cells[k].n; i++)
			draw_line(b, &cells[k].v[i], cx + 4, b->y + 3 + SMALL +
			    (double)i * SMALL * LEAD, SMALL);
		x = b->rtl ? x - w[k] : x + w[k];
	}
	b->y += h;
}

static void
table(struct bk *b, xmlNodePtr n)
{
	xmlNodePtr	 tg = NULL, head = NULL, body = NULL;
	double		*w, total = 0;
	size_t		 ncol = 0;
	xmlChar		*cols;

	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (is_db(b, c, "title")) {
			struct spans sp = { NULL, 0, 0 };

			inlines(b, c->children, NULL, FS_BOLD, -1, &sp);
			need(b, BODY * LEAD * 4);
			para_out(b, &sp, c, AL_START, BODY);
		} else if (is_db(b, c, "tgroup"))
			tg = c;
	}
	if (tg == NULL)
		return;
	if ((cols = xmlGetProp(tg, BAD_CAST "cols")) != NULL) {
		ncol = (size_t)atoi((char *)cols);
		xmlFree(cols);
	}
	if (ncol == 0 || ncol > 20)
		return;
	w = xcalloc(ncol, sizeof(*w));
	/* colspec colwidth="N*" gives proportions; otherwise equal. */
	{
		size_t k = 0;

		for (xmlNodePtr c = tg->children; c != NULL && k < ncol;
		    c = c->next)
			if (is_db(b, c, "colspec")) {
				xmlChar	*cw = xmlGetProp(c, BAD_CAST "colwidth");

				w[k++] = cw != NULL && atof((char *)cw) > 0 ?
				    atof((char *)cw) : 1;
				xmlFree(cw);
			}
		for (; k < ncol; k++)
			w[k] = 1;
		for (k = 0; k < ncol; k++)
			total += w[k];
		for (k = 0; k < ncol; k++)
			w[k] = w[k] / total * (b->x1 - b->x0);
	}
	for (xmlNodePtr c = tg->children; c != NULL; c = c->next)
		if (is_db(b, c, "thead"))
			head = c;
		else if (is_db(b, c, "tbody"))
			body = c;
	dest(b, n);
	for (xmlNodePtr r = body == NULL ? NULL : body->children; r != NULL;
	    r = r->next) {
		struct para	*cells, *hc = NULL;
		double		 h, hh = 0;
		xmlNodePtr	 hr = NULL;

		if (!is_db(b, r, "row"))
			continue;
		cells = xcalloc(ncol, sizeof(*cells));
		h = row_height(b, r, w, ncol, cells, 0);
		if (head != NULL)
			for (hr = head->children; hr != NULL &&
			    !is_db(b, hr, "row"); hr = hr->next)
				;
		if (hr != NULL) {
			hc = xcalloc(ncol, sizeof(*hc));
			hh = row_height(b, hr, w, ncol, hc, 1);
		}
		/* The header row again at the top of every page. */
		if (b->y + h > bottom(b) || (r == body->children ||
		    r->prev == NULL || !is_db(b, r->prev, "row") ||
		    b->y == b->mt)) {
			int first = 1;

			for (xmlNodePtr p = r->prev; p != NULL; p = p->prev)
				if (is_db(b, p, "row"))
					first = 0;
			if (b->y + h + (first ? hh : 0) > bottom(b)) {
				new_page(b);
				first = 1;
			}
			if (first && hc != NULL)
				row_draw(b, hc, w, ncol, hh, 1);
		}
		row_draw(b, cells, w, ncol, h, 0);
		for (size_t k = 0; k < ncol; k++) {
			para_free(&cells[k]);
			if (hc != NULL)
				para_free(&hc[k]);
		}
		free(cells);
		free(hc);
	}
	b->y += GAP * 2;
	free(w);
}

static void
division(struct bk *b, xmlNodePtr n, int level)
{
	xmlChar	*id = xmlGetNsProp(n, BAD_CAST "id", BAD_CAST XML_NS);
	char	*name = id != NULL ? xstrdup((char *)id) :
	    xasprintf("opas-%s-%d-%zu", (const char *)n->name, b->page,
	    b->dl->n);

	xmlFree(id);
	if (level == 0) {
		free(b->running);
		b->running = title_of(b, n);
		new_page(b);
	}
	heading(b, n, level, name);
	free(name);
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (is_db(b, c, "title") || is_db(b, c, "info"))
			continue;
		if (is_db(b, c, "section") || is_db(b, c, "glossdiv"))
			division(b, c, level + 1);
		else
			block(b, c);
	}
}

/* One block element (or stray text) and what it holds. */
static void
block(struct bk *b, xmlNodePtr n)
{
	do {
		const char *name = (const char *)n->name;

		if (n->type == XML_TEXT_NODE) {
			struct spans sp = { NULL, 0, 0 };

			if (strspn((char *)n->content, " \t\r\n") ==
			    strlen((char *)n->content))
				continue;
			span_add(b, &sp, keep(b, xstrdup((char *)n->content)),
			    FS_REGULAR, -1, n->parent);
			para_out(b, &sp, n->parent, AL_JUSTIFY, BODY);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || !doc_is_db(b->d, n))
			continue;
		if (strcmp(name, "para") == 0 || strcmp(name, "simpara") == 0) {
			dest(b, n);
			mixed(b, n, AL_JUSTIFY, FS_REGULAR);
		} else if (strcmp(name, "itemizedlist") == 0)
			list(b, n, 0);
		else if (strcmp(name, "orderedlist") == 0)
			list(b, n, 1);
		else if (strcmp(name, "variablelist") == 0 ||
		    strcmp(name, "glossary") == 0)
			blocks(b, n->children);
		else if (strcmp(name, "varlistentry") == 0 ||
		    strcmp(name, "glossentry") == 0) {
			double x0 = b->x0, x1 = b->x1;

			dest(b, n);
			for (xmlNodePtr c = n->children; c != NULL;
			    c = c->next)
				if (is_db(b, c, "term") ||
				    is_db(b, c, "glossterm")) {
					struct spans sp = { NULL, 0, 0 };

					inlines(b, c->children, NULL, FS_BOLD,
					    -1, &sp);
					need(b, BODY * LEAD * 3);
					para_out(b, &sp, c, AL_START, BODY);
					b->y -= GAP - 1;
				}
			if (b->rtl)
				b->x1 -= INDENT;
			else
				b->x0 += INDENT;
			for (xmlNodePtr c = n->children; c != NULL;
			    c = c->next)
				if (is_db(b, c, "listitem") ||
				    is_db(b, c, "glossdef"))
					blocks(b, c->children);
			b->x0 = x0;
			b->x1 = x1;
		} else if (strcmp(name, "note") == 0 ||
		    strcmp(name, "tip") == 0 || strcmp(name, "important") == 0 ||
		    strcmp(name, "warning") == 0 ||
		    strcmp(name, "caution") == 0)
			admonition(b, n);
		else if (strcmp(name, "table") == 0 ||
		    strcmp(name, "informaltable") == 0)
			table(b, n);
		else if (strcmp(name, "literallayout") == 0 ||
		    strcmp(name, "address") == 0)
			verbatim(b, n, FS_REGULAR);
		else if (strcmp(name, "programlisting") == 0 ||
		    strcmp(name, "screen") == 0)
			verbatim(b, n, FS_MONO);
		else if (strcmp(name, "blockquote") == 0) {
			double x0 = b->x0, x1 = b->x1;

			b->x0 += 18;
			b->x1 -= 18;
			for (xmlNodePtr c = n->children; c != NULL;
			    c = c->next)
				if (is_db(b, c, "attribution")) {
					struct spans sp = { NULL, 0, 0 };

					span_add(b, &sp, "\xe2\x80\x94 ",
					    FS_REGULAR, -1, c);
					inlines(b, c->children, NULL,
					    FS_REGULAR, -1, &sp);
					para_out(b, &sp, c, AL_END, BODY);
				} else
					block(b, c);
			b->x0 = x0;
			b->x1 = x1;
		} else if (strcmp(name, "section") == 0)
			division(b, n, 1);
		else if (strcmp(name, "title") == 0 ||
		    strcmp(name, "info") == 0 ||
		    strcmp(name, "indexterm") == 0 ||
		    strcmp(name, "remark") == 0 ||
		    strcmp(name, "colspec") == 0)
			continue;
		else if (is_inline_name(name)) {
			struct spans sp = { NULL, 0, 0 };

			inlines(b, n, n->next, FS_REGULAR, -1, &sp);
			para_out(b, &sp, n, AL_JUSTIFY, BODY);
		} else
			blocks(b, n->children);
	} while (0);
}

static void
blocks(struct bk *b, xmlNodePtr first)
{
	for (xmlNodePtr n = first; n != NULL; n = n->next)
		block(b, n);
}

/* ------------------------------------------------------------------ */
/* Front matter                                                        */

static xmlNodePtr
info_child(struct bk *b, const char *name)
{
	xmlNodePtr	 root = xmlDocGetRootElement(b->d->xml);

	for (xmlNodePtr c = root->children; c != NULL; c = c->next)
		if (is_db(b, c, "info"))
			for (xmlNodePtr i = c->children; i; i = i->next)
				if (is_db(b, i, name))
					return i;
	return NULL;
}

static void
line_text(struct bk *b, const char *text, enum fstyle st, double size,
    enum align al, xmlNodePtr where)
{
	struct spans sp = { NULL, 0, 0 };

	span_add(b, &sp, text, st, -1, where);
	para_out(b, &sp, where, al, size);
}

static void
info_para(struct bk *b, const char *name, enum fstyle st, double size,
    enum align al, const char *label)
{
	xmlNodePtr	 n = info_child(b, name);
	struct spans	 sp = { NULL, 0, 0 };

	if (n == NULL)
		return;
	if (label != NULL) {
		span_add(b, &sp, word(b, label), st, -1, n);
		span_add(b, &sp, " ", st, -1, n);
		/*
		 * The value after a label is isolated, its direction its
		 * own first letter's (HTML's <bdi>): without, a date in an
		 * Arabic book read 01-11-2026, its numbers taken as Arabic.
		 */
		span_add(b, &sp, "\xe2\x81\xa8", st, -1, n);	/* FSI */
	}
	inlines(b, n->children, NULL, st, -1, &sp);
	if (label != NULL)
		span_add(b, &sp, "\xe2\x81\xa9", st, -1, n);	/* PDI */
	para_out(b, &sp, n, al, size);
}

static void
cover(struct bk *b)
{
	xmlNodePtr	 legal, ab;
	char		*pv;

	b->y = b->ph * 0.28;
	info_para(b, "title", FS_BOLD, 26, AL_CENTER, NULL);
	info_para(b, "subtitle", FS_REGULAR, 13, AL_CENTER, NULL);
	b->y += 20;
	info_para(b, "edition", FS_REGULAR, 11, AL_CENTER, "edition");
	line_text(b, b->st->lang->native, FS_BOLD, 13, AL_CENTER,
	    xmlDocGetRootElement(b->d->xml));
	if (b->st->preview) {
		b->y += 20;
		pv = xasprintf("%s %s %d %%", word(b, "preview"),
		    word(b, "ready"), b->st->percent);
		line_text(b, keep(b, pv), FS_BOLD, 10, AL_CENTER,
		    xmlDocGetRootElement(b->d->xml));
	}

	/* The colophon, on the back of the cover. */
	new_page(b);
	info_para(b, "title", FS_BOLD, 12, AL_START, NULL);
	info_para(b, "edition", FS_REGULAR, SMALL + 1, AL_START, "edition");
	info_para(b, "pubdate", FS_REGULAR, SMALL + 1, AL_START, "pubdate");
	info_para(b, "author", FS_REGULAR, SMALL + 1, AL_START, NULL);
	info_para(b, "releaseinfo", FS_REGULAR, SMALL + 1, AL_START, NULL);
	if (info_child(b, "publisher") != NULL) {
		struct spans	 sp = { NULL, 0, 0 };

		inlines(b, info_child(b, "publisher")->children, NULL,
		    FS_REGULAR, -1, &sp);
		para_out(b, &sp, info_child(b, "publisher"), AL_START, SMALL + 1);
	}
	b->y += 10;
	if ((ab = info_child(b, "abstract")) != NULL)
		blocks(b, ab->children);
	if ((legal = info_child(b, "legalnotice")) != NULL)
		blocks(b, legal->children);
}

static void
contents(struct bk *b)
{
	new_page(b);
	line_text(b, word(b, "contents"), FS_BOLD, 18, AL_START,
	    xmlDocGetRootElement(b->d->xml));
	b->y += 6;
	for (size_t i = 0; i < b->ntoc; i++) {
		const struct tocent	*t = &b->toc[i];
		struct span		 sp[1];
		struct parastyle	 ps;
		struct para		 p, np;
		char			 num[16];
		double			 size = t->level == 0 ? BODY : BODY - 1;
		double			 numw = 24, ind = t->level * INDENT;
		struct span		 ns = { num, FS_REGULAR, -1, NULL, 0 };
		int			 link;

		/* Body pages count from 1 after the front matter. */
		snprintf(num, sizeof(num), "%d", b->pass == 1 ? 888 :
		    t->page - b->dl->front + 1);
		link = toc_link_add(b, keep(b, xasprintf("#%s", t->dest)));
		sp[0].text = t->title;
		sp[0].style = t->level == 0 ? FS_BOLD : FS_REGULAR;
		sp[0].link = link;
		sp[0].file = NULL;
		sp[0].line = 0;
		memset(&ps, 0, sizeof(ps));
		ps.fonts = b->st->fonts;
		ps.lang = b->st->lang;
		ps.size = size;
		ps.width = b->x1 - b->x0 - numw - ind;
		ps.align = AL_START;
		ps.rtl = b->rtl;
		para_layout(sp, 1, &ps, &p);
		ps.width = numw;
		ps.align = AL_END;
		ns.link = link;
		para_layout(&ns, 1, &ps, &np);
		if (t->level == 0)
			b->y += 3;
		need(b, (double)p.n * size * LEAD);
		for (size_t k = 0; k < p.n; k++) {
			double base = b->y + size;

			draw_line(b, &p.v[k], b->rtl ? b->x0 + numw :
			    b->x0 + ind, base, size);
			if (k + 1 == p.n && np.n > 0)
				draw_line(b, &np.v[0], b->rtl ? b->x0 :
				    b->x1 - numw, base, size);
			b->y += size * LEAD;
		}
		para_free(&p);
		para_free(&np);
	}
}

/* Running headers and page numbers, once every page is known. */
static void
furniture(struct bk *b)
{
	static const char *const roman[] = { "i", "ii", "iii", "iv", "v",
	    "vi", "vii", "viii", "ix", "x", "xi", "xii" };

	for (int pg = 1; pg < b->dl->pages; pg++) {
		char		 num[32];
		int		 saved = b->page;
		double		 y = b->y;

		b->page = pg;
		if (pg < b->dl->front)
			snprintf(num, sizeof(num), "%s", pg < 12 ?
			    roman[pg] : "");
		else
			snprintf(num, sizeof(num), "%d",
			    pg - b->dl->front + 1);
		b->y = b->ph - b->mb + 14;
		if (b->st->preview) {
			char *s = xasprintf("%s  \xc2\xb7  %s",
			    num, word(b, "preview"));
			char *dot = strchr(s, '.');

			if (dot != NULL)
				*dot = '\0';
			line_text(b, keep(b, s), FS_REGULAR, 7.5, AL_CENTER,
			    xmlDocGetRootElement(b->d->xml));
		} else
			line_text(b, keep(b, xstrdup(num)), FS_REGULAR, 8,
			    AL_CENTER, xmlDocGetRootElement(b->d->xml));
		if (pg >= b->dl->front && (size_t)pg < b->nheader &&
		    b->header[pg] != NULL) {
			struct dlitem	*r;

			b->y = b->mt - 22;
			line_text(b, b->header[pg], FS_REGULAR, 7.5, AL_START,
			    xmlDocGetRootElement(b->d->xml));
			r = dl_add(b->dl, DL_RECT, pg);
			r->x = b->x0;
			r->y = b->mt - 10;
			r->w = b->x1 - b->x0;
			r->h = 0.4;
			r->gray = 0.5;
		}
		b->page = saved;
		b->y = y;
	}
}

static void
pass(struct bk *b)
{
	xmlNodePtr	 root = xmlDocGetRootElement(b->d->xml);

	b->page = 0;
	b->y = b->mt;
	b->dl->pages = 1;
	b->dl->pw = b->pw;
	b->dl->ph = b->ph;
	b->header = xcalloc(1, sizeof(*b->header));
	b->nheader = 1;
	cover(b);
	contents(b);
	b->dl->front = b->page + 1;
	for (xmlNodePtr c = root->children; c != NULL; c = c->next)
		if (is_db(b, c, "preface") || is_db(b, c, "chapter") ||
		    is_db(b, c, "appendix") || is_db(b, c, "glossary"))
			division(b, c, 0);
	furniture(b);
}

static void
reset(struct bk *b)
{
	for (size_t i = 0; i < b->nlinks; i++)
		free(b->links[i]);
	free(b->links);
	b->links = NULL;
	b->nlinks = 0;
	for (size_t i = 0; i < b->ntoclinks; i++)
		free(b->toclinks[i]);
	free(b->toclinks);
	b->toclinks = NULL;
	b->ntoclinks = 0;
	for (size_t i = 0; i < b->nheader; i++)
		free(b->header[i]);
	free(b->header);
	b->header = NULL;
	b->nheader = 0;
	free(b->running);
	b->running = NULL;
	b->nfr = 0;
}

void
book_layout(struct doc *d, const struct bookstyle *st, struct dl *dl)
{
	struct bk	 b;
	int		 front;

	memset(&b, 0, sizeof(b));
	b.d = d;
	b.st = st;
	b.dl = dl;
	b.pw = st->a4 ? 595.28 : 419.53;
	b.ph = st->a4 ? 841.89 : 595.28;
	b.mx = st->a4 ? 62 : 42;
	b.mt = st->a4 ? 64 : 50;
	b.mb = st->a4 ? 64 : 52;
	b.x0 = b.mx;
	b.x1 = b.pw - b.mx;
	b.rtl = st->lang->dir == LANG_RTL;

	/* The first pass only measures: its diagnostics come again. */
	b.pass = 1;
	dl_free(dl);
	msg_mute(1);
	pass(&b);
	msg_mute(0);
	reset(&b);
	/* Now the contents know their pages: lay out again. */
	front = dl->front;
	dl_free(dl);
	dl->front = front;
	b.pass = 2;
	pass(&b);
	reset(&b);
	for (size_t i = 0; i < b.ntoc; i++) {
		free(b.toc[i].title);
		free(b.toc[i].dest);
	}
	free(b.toc);
	for (size_t i = 0; i < b.nstrs; i++)
		free(b.strs[i]);
	free(b.strs);
	pc_free(&b.pc);
}
