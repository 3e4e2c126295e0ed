/*
 * pdf.c: PDF editions (see pdf.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/buf.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/wfile.h"
#include "doc/doc.h"
#include "doc/gentext.h"
#include "layout/book.h"
#include "layout/dl.h"
#include "layout/font.h"
#include "layout/hyph.h"
#include "layout/line.h"
#include "layout/pdfdev.h"
#include "render/pdf.h"

#define XML_NS	"http://www.w3.org/XML/1998/namespace"


static char *
info_text(const struct doc *d, const char *name)
{
	xmlChar	*t = doc_info(d, name);
	char	*s = xstrdup(t == NULL ? "" : (char *)t);

	xmlFree(t);
	/* One line: white space collapsed. */
	for (char *p = s, *q = s; ; p++) {
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
		if (*p == ' ' && (q == s || q[-1] == ' '))
			continue;
		if (*p == '\0') {
			if (q > s && q[-1] == ' ')
				q--;
			*q = '\0';
			break;
		}
		*q++ = *p;
	}
	return s;
}

int
pdf_build(struct doc *d, const struct edition *ed, const char *outdir,
    int a4, int outputs, struct pdfout *out)
{
	struct bookstyle	 bs;
	struct pdfmeta		 m;
	struct dl		 dl;
	char			*dir, *id, *title, *author, *subject;
	char			*bookid = NULL, *idname = NULL;
	int			 rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&bs, 0, sizeof(bs));
	memset(&dl, 0, sizeof(dl));
	if (d->version != 5) {
		msg(MSG_BUILD_DOCBOOK4, d->path, 0, 0);
		return -1;
	}
	id = doc_book_id(d);
	bookid = xstrdup(id);
	dir = xasprintf("%s/pdf", outdir);
	/* The A4 print edition sits beside the A5 one. */
	out->path = xasprintf("%s/%s-%s%s.pdf", dir, id, ed->lang->tag,
	    a4 ? "-a4" : "");
	out->textpath = xasprintf("%s/%s-%s%s.txt", dir, id, ed->lang->tag,
	    a4 ? "-a4" : "");
	free(id);
	if (wfile_mkdirs(dir) == -1) {
		free(dir);
		return -1;
	}
	free(dir);
	line_init();
	bs.lang = ed->lang;
	bs.preview = ed->preview;
	bs.percent = ed->percent;
	bs.a4 = a4;
	if ((bs.fonts = fontset_new(ed->lang->fonts)) == NULL ||
	    (bs.words = gentext_load()) == NULL)
		goto out;
	bs.hyph = hyph_new(ed->lang->hyph);
	book_layout(d, &bs, &dl);

	title = info_text(d, "title");
	subject = info_text(d, "subtitle");
	author = info_text(d, "author");
	if (*author == '\0') {
		free(author);
		author = info_text(d, "publisher");
	}
	m.title = title;
	m.author = author;
	m.subject = subject;
	m.lang = ed->lang->tag;
	m.date = doc_date(d);
	{
		xmlChar *edn = doc_info(d, "edition");

		idname = xasprintf("opas pdf %s %s %s %lld %s", bookid,
		    edn == NULL ? "" : (char *)edn, ed->lang->tag,
		    (long long)m.date, a4 ? "a4" : "a5");
		xmlFree(edn);
	}
	m.idname = idname;
	out->pages = dl.pages;
	rc = 0;
	if (outputs & PDF_OUT_TEXT) {
		struct buf	 b = { 0 };

		dl_text(&dl, &b);
		if (wfile_write(out->textpath, b.data, b.len) == 0)
			out->textbytes = b.len;
		else
			rc = -1;
		buf_free(&b);
	}
	if ((outputs & PDF_OUT_PDF) && pdfdev_write(&dl, bs.fonts, &m,
	    out->path, &out->bytes) == -1)
		rc = -1;
	free(idname);
	free(title);
	free(subject);
	free(author);
out:
	free(bookid);
	dl_free(&dl);
	hyph_free(bs.hyph);
	gentext_free(bs.words);
	fontset_free(bs.fonts);
	return rc;
}
