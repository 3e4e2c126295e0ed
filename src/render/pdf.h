/*
 * pdf.h: the PDF edition of one language, OUTDIR/pdf/BOOKID-LL.pdf,
 * laid out by src/layout/ and written by libharu.
 */
#ifndef OPAS_PDF_H
#define OPAS_PDF_H

#include <stddef.h>

#include "render/page.h"

struct	pdfout {
	char	*path;		/* caller frees */
	int	 pages;
	size_t	 bytes;
};

/*
 * -1 after reporting; nothing is written then.  With text set, the
 * layout is written by the text device instead (BOOKID-LL.txt): every
 * page's lines as drawn, for golden tests of line and page breaking.
 */
int	pdf_build(struct doc *, const struct edition *, const char *outdir,
	    int text, struct pdfout *);

#endif
