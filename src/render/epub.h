/*
 * epub.h: the EPUB 3 edition of one language,
 * OUTDIR/epub/BOOKID-LL.epub (BOOKID: the book's xml:id).
 *
 * The documents come from data/xslt/epub.xsl (page.h); the package
 * document's manifest must list exactly the files opas writes.  The
 * archive is reproducible (archive.h): its bytes depend only on the
 * source, the catalogue and the source date (doc_date()).
 */
#ifndef OPAS_EPUB_H
#define OPAS_EPUB_H

#include <stddef.h>

#include "render/page.h"

struct	epubout {
	char	*path;		/* the book written (caller frees) */
	size_t	 files;		/* entries in the archive */
	size_t	 bytes;		/* size of the archive */
};

/* -1 after reporting; nothing is written then. */
int	epub_build(struct doc *, struct xsl *, const struct edition *,
	    const char *outdir, struct epubout *);

#endif
