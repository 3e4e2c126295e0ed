/*
 * page.h: what the HTML and EPUB editions share.  A page is one run of
 * a page stylesheet over the translated tree, with a build description
 * added to the tree (see html.xsl for what it holds), written by opas's
 * own serializer: polyglot HTML5, or XHTML for EPUB, with every text and
 * attribute value escaped.
 */
#ifndef OPAS_PAGE_H
#define OPAS_PAGE_H

#include <stddef.h>

#include <libxml/tree.h>

struct buf;
struct doc;
struct lang;
struct xsl;

/* One edition of the site, as the switcher and chooser list it. */
struct	siteedition {
	const struct lang	*lang;
	int			 preview;	/* below its threshold */
};

struct	edition {
	const struct lang	*lang;		/* of this edition */
	const struct lang	*source;	/* of the source text */
	int			 preview;
	int			 percent;	/* translated, 0 to 100 */
	const struct siteedition *site;		/* every edition, in order */
	size_t			 nsite;
};

enum	pagesyntax {
	PAGE_HTML,	/* <!DOCTYPE html>, void elements unclosed */
	PAGE_XHTML	/* XML declaration, xml:lang beside lang, epub: */
};

/* Add the build description as the root's first child; drop it again. */
xmlNodePtr	 page_build_add(struct doc *, const struct edition *,
		    const char *css);
void		 page_build_drop(xmlNodePtr);

/*
 * Run the stylesheet with $page = name and append the page to b.
 * -1 after reporting (at path, the file the page was meant for).
 */
int		 page_render(struct doc *, struct xsl *, const char *name,
		    const char *path, enum pagesyntax, struct buf *b);

/*
 * The pages of a book: its top-level divisions (preface, chapter,
 * appendix, glossary), named by xml:id or LOCALNAME-N as html.xsl does.
 * A DocBook 4 book, or a name in reserved (NULL-terminated), is
 * reported and gives -1.
 */
int		 page_names(const struct doc *, const char *const *reserved,
		    char ***, size_t *);
void		 page_names_free(char **, size_t);

#endif
