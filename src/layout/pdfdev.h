/*
 * pdfdev.h: the PDF device: a display list (dl.h) written as a PDF
 * with libharu (hpdf.c), fonts subset, links, outline, page labels and
 * metadata; the file is written safely (wfile.h).
 */
#ifndef OPAS_PDFDEV_H
#define OPAS_PDFDEV_H

#include <stddef.h>
#include <time.h>

struct dl;
struct fontset;

struct	pdfmeta {
	const char	*title, *author, *subject;
	const char	*lang;		/* BCP 47 */
	time_t		 date;		/* creation and modification */
	const char	*idname;	/* the document ID is made from it */
};

/* -1 after reporting; nothing is written then. */
int	pdfdev_write(const struct dl *, struct fontset *,
	    const struct pdfmeta *, const char *path, size_t *size);

#endif
