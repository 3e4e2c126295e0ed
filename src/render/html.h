/*
 * html.h: the HTML edition of one language (out/html/LL/), and the
 * language chooser (out/html/index.html).
 *
 * Pages come from a stylesheet (data/xslt/html.xsl unless the publisher
 * gives another), run once per page on the translated tree with a
 * build description added to it (see html.xsl for what it holds), and
 * are written by opas's own HTML serializer: polyglot HTML5 that
 * escapes every text and attribute value.  Each file is written safely
 * (wfile.h).
 */
#ifndef OPAS_HTML_H
#define OPAS_HTML_H

#include <stddef.h>

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

struct	htmlout {
	size_t	 pages;
	size_t	 bytes;
};

/* Write OUTDIR/html/LL/; -1 after reporting when a page failed. */
int	html_build(struct doc *, struct xsl *, const struct edition *,
	    const char *outdir, struct htmlout *);
/* Write OUTDIR/html/index.html and OUTDIR/html/opas.css. */
int	html_chooser(struct doc *, struct xsl *, const struct edition *,
	    const char *outdir, struct htmlout *);

#endif
