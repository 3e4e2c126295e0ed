/*
 * dl.h: the display list, what the layout engine makes and the devices
 * draw: pages of text pieces, rules and boxes, links, link targets and
 * outline entries.  Coordinates are points from the page's top-left
 * corner, y growing down; a text piece's y is its baseline.
 */
#ifndef OPAS_DL_H
#define OPAS_DL_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct font;

enum	dlkind {
	DL_TEXT,	/* font, size, x, y, cp[n], cs (extra after each) */
	DL_RECT,	/* x, y, w, h; fill (gray) or stroke (width lw) */
	DL_LINK,	/* x, y, w, h: s is a URI, or a target when internal */
	DL_DEST,	/* s, the target's name, at y */
	DL_OUTLINE	/* s, the title (UTF-8), level; target t */
};

struct	dlitem {
	enum dlkind	 kind;
	int		 page;		/* from 0 */
	double		 x, y, w, h;
	struct font	*font;
	double		 size, cs;
	uint32_t	*cp;
	size_t		 n;
	double		 gray;		/* 0 black .. 1 white */
	double		 lw;		/* stroke width; 0: fill */
	int		 internal;	/* DL_LINK to a DL_DEST */
	int		 level;		/* DL_OUTLINE */
	char		*s;
	char		*t;
};

struct	dl {
	struct dlitem	*v;
	size_t		 n, cap;
	int		 pages;
	double		 pw, ph;	/* page size */
	int		 front;		/* pages numbered i, ii, ... */
};

struct dlitem	*dl_add(struct dl *, enum dlkind, int page);
/* Insert before item at, for boxes drawn under what they hold. */
struct dlitem	*dl_insert(struct dl *, size_t at, enum dlkind, int page);
void		 dl_free(struct dl *);
/* The text device: every page, its lines of text in order. */
void		 dl_text(const struct dl *, struct buf *);

#endif
