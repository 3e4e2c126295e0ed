/*
 * pdf.h: the PDF edition of one language, OUTDIR/pdf/BOOKID-LL.pdf,
 * laid out by src/layout/ and written by libharu.
 */
#ifndef OPAS_PDF_H
#define OPAS_PDF_H

#include <stddef.h>

#include "render/page.h"

#define PDF_OUT_PDF	0x1
#define PDF_OUT_TEXT	0x2	/* the text device: BOOKID-LL.txt */

struct	pdfout {
	char	*path;		/* the PDF (caller frees) */
	char	*textpath;	/* the text rendering (caller frees) */
	int	 pages;
	size_t	 bytes;		/* of the PDF */
	size_t	 textbytes;
};

/*
 * Lay the book out once and write what outputs (PDF_OUT_*) asks for:
 * the PDF, and the text device's rendering, every page's lines as
 * drawn, for golden tests of line and page breaking.  a4: A4 pages,
 * not A5.  -1 after reporting; what failed is not written.
 */
int	pdf_build(struct doc *, const struct edition *, const char *outdir,
	    int a4, int outputs, struct pdfout *);

#endif
