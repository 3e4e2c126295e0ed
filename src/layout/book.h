/*
 * book.h: a translated DocBook 5 book laid out into pages (dl.h):
 * cover, colophon, contents with page numbers, then every top-level
 * division from a new page, with running headers and page numbers.
 */
#ifndef OPAS_BOOK_H
#define OPAS_BOOK_H

struct dl;
struct doc;
struct fontset;
struct gentext;
struct hyph;
struct lang;

struct	bookstyle {
	const struct lang	*lang;
	struct fontset		*fonts;
	struct hyph		*hyph;
	struct gentext		*words;
	int			 preview;
	int			 percent;
	int			 a4;		/* else A5 */
};

/* Lay the book out into dl (emptied first). */
void	book_layout(struct doc *, const struct bookstyle *, struct dl *);

#endif
