/*
 * html.h: the HTML edition of one language (out/html/LL/), and the
 * language chooser (out/html/index.html).
 *
 * Pages come from a stylesheet (data/xslt/html.xsl unless the publisher
 * gives another), run once per page (page.h).  Each file is written
 * safely (wfile.h).
 */
#ifndef OPAS_HTML_H
#define OPAS_HTML_H

#include <stddef.h>

#include "render/page.h"

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
