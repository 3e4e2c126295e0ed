/*
 * epub.c: EPUB 3 editions (see epub.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>

#include "base/archive.h"
#include "base/buf.h"
#include "base/data.h"
#include "base/intl.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/sha256.h"
#include "base/wfile.h"
#include "doc/doc.h"
#include "render/epub.h"
#include "render/xslt.h"

#define OPF_NS		"http://www.idpf.org/2007/opf"
#define XML_NS		"http://www.w3.org/XML/1998/namespace"

/* The container: where the package document is. */
static const char container[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" "
    "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "  <rootfiles>\n"
    "    <rootfile full-path=\"EPUB/package.opf\" "
    "media-type=\"application/oebps-package+xml\"/>\n"
    "  </rootfiles>\n"
    "</container>\n";

static int
is_opf(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, OPF_NS) == 0 &&
	    strcmp((const char *)n->name, name) == 0;
}

/*
 * Compare the manifest with the files (names under EPUB/): each file
 * listed once, nothing else.  Reports at path and returns -1.
 */
static int
check_manifest(xmlNodePtr pkg, char **files, size_t nfiles, const char *path)
{
	xmlNodePtr	 man = NULL;
	unsigned char	*seen;
	int		 rc = 0;

	for (xmlNodePtr c = pkg->children; c != NULL; c = c->next)
		if (is_opf(c, "manifest"))
			man = c;
	if (man == NULL) {
		msg(MSG_EPUB_MANIFEST, path, 0, 0, "(manifest)",
		    _("the package has no manifest"));
		return -1;
	}
	seen = xcalloc(nfiles + 1, 1);
	for (xmlNodePtr c = man->children; c != NULL; c = c->next) {
		xmlChar	*href;
		size_t	 i;

		if (!is_opf(c, "item"))
			continue;
		href = xmlGetProp(c, BAD_CAST "href");
		for (i = 0; i < nfiles; i++)
			if (href != NULL && strcmp(files[i], (char *)href) == 0)
				break;
		if (i == nfiles) {
			msg(MSG_EPUB_MANIFEST, path, 0, 0,
			    href == NULL ? "" : (char *)href,
			    _("listed, but opas does not write it"));
			rc = -1;
		} else if (seen[i]++) {
			msg(MSG_EPUB_MANIFEST, path, 0, 0, files[i],
			    _("listed twice"));
			rc = -1;
		}
		xmlFree(href);
	}
	for (size_t i = 0; i < nfiles; i++)
		if (!seen[i]) {
			msg(MSG_EPUB_MANIFEST, path, 0, 0, files[i],
			    _("written, but not listed"));
			rc = -1;
		}
	free(seen);
	return rc;
}

/* The package document, checked against the files, into an entry. */
static int
package(struct doc *d, struct xsl *xsl, char **files, size_t nfiles,
    const char *path, struct archive *ar)
{
	const char	*params[] = { "page", "package", NULL };
	xmlDocPtr	 res;
	xmlNodePtr	 top;
	xmlChar		*mem = NULL;
	int		 len = 0;

	if ((res = xsl_apply(xsl, d->xml, params)) == NULL)
		return -1;
	top = xmlDocGetRootElement(res);
	if (!is_opf(top, "package")) {
		msg(MSG_XSLT_NOROOT, path, 0, 0, "package (" OPF_NS ")");
		xmlFreeDoc(res);
		return -1;
	}
	if (check_manifest(top, files, nfiles, path) == -1) {
		xmlFreeDoc(res);
		return -1;
	}
	xmlDocDumpFormatMemoryEnc(res, &mem, &len, "UTF-8", 1);
	xmlFreeDoc(res);
	if (mem == NULL || len <= 0) {
		xmlFree(mem);
		mem_fail(0);
	}
	{
		char *copy = xmalloc((size_t)len);

		memcpy(copy, mem, (size_t)len);
		xmlFree(mem);
		return archive_add(ar, "EPUB/package.opf", copy, (size_t)len,
		    ARCHIVE_DEFLATE);
	}
}

/* One content document into an entry. */
static int
content(struct doc *d, struct xsl *xsl, const char *name, const char *file,
    const char *path, struct archive *ar)
{
	struct buf	 b = { 0 };
	char		*entry;
	size_t		 len;
	int		 rc;

	if (page_render(d, xsl, name, path, PAGE_XHTML, &b) == -1) {
		buf_free(&b);
		return -1;
	}
	len = b.len;
	entry = xasprintf("EPUB/%s", file);
	rc = archive_add(ar, entry, buf_detach(&b), len, ARCHIVE_DEFLATE);
	free(entry);
	return rc;
}

/* The edition's stable identifier and the source date, for epub.xsl. */
static void
describe(struct doc *d, const struct edition *ed, const char *bookid,
    xmlNodePtr b, time_t when)
{
	xmlChar		*edition = doc_info(d, "edition");
	char		*name, uuid[46], stamp[32];
	struct tm	 tm;

	name = xasprintf("opas edition %s %s %s", bookid,
	    edition == NULL ? "" : (char *)edition, ed->lang->tag);
	sha256_uuid(name, uuid);
	free(name);
	xmlFree(edition);
	if (gmtime_r(&when, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	xmlNewProp(b, BAD_CAST "identifier", BAD_CAST uuid);
	xmlNewProp(b, BAD_CAST "modified", BAD_CAST stamp);
}


int
epub_build(struct doc *d, struct xsl *xsl, const struct edition *ed,
    const char *outdir, struct epubout *out)
{
	static const char *const reserved[] = { "cover", "nav", NULL };
	struct archive	*ar = NULL;
	struct buf	 css = { 0 };
	xmlNodePtr	 b = NULL;
	char		*dir = NULL, *bookid, **names = NULL, **files;
	size_t		 n = 0, nfiles, len;
	time_t		 when;
	int		 rc = -1;

	memset(out, 0, sizeof(*out));
	if (page_names(d, reserved, &names, &n) == -1)
		return -1;
	bookid = doc_book_id(d);
	dir = xasprintf("%s/epub", outdir);
	out->path = xasprintf("%s/%s-%s.epub", dir, bookid, ed->lang->tag);
	if (wfile_mkdirs(dir) == -1 || data_read("css/book.css", &css) == -1)
		goto out;

	/* The files under EPUB/, in the order of the archive. */
	nfiles = n + 3;
	files = xcalloc(nfiles, sizeof(*files));
	files[0] = xstrdup("cover.xhtml");
	files[1] = xstrdup("nav.xhtml");
	for (size_t i = 0; i < n; i++)
		files[i + 2] = xasprintf("%s.xhtml", names[i]);
	files[n + 2] = xstrdup("opas.css");

	when = doc_date(d);
	b = page_build_add(d, ed, "opas.css");
	describe(d, ed, bookid, b, when);
	ar = archive_new(out->path, when);
	if (archive_add(ar, "mimetype", xstrdup("application/epub+zip"), 20,
	    ARCHIVE_STORE) == -1 ||
	    archive_add(ar, "META-INF/container.xml", xstrdup(container),
	    sizeof(container) - 1, ARCHIVE_DEFLATE) == -1 ||
	    package(d, xsl, files, nfiles, out->path, ar) == -1 ||
	    content(d, xsl, "cover", files[0], out->path, ar) == -1 ||
	    content(d, xsl, "nav", files[1], out->path, ar) == -1)
		goto done;
	/* A stylesheet that fails once fails on every page: stop. */
	for (size_t i = 0; i < n; i++)
		if (content(d, xsl, names[i], files[i + 2], out->path,
		    ar) == -1)
			goto done;
	len = css.len;
	if (archive_add(ar, "EPUB/opas.css", buf_detach(&css), len,
	    ARCHIVE_DEFLATE) == -1)
		goto done;
	if (archive_write(ar, &out->bytes) == 0) {
		out->files = nfiles + 3;
		rc = 0;
	}
done:
	for (size_t i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
out:
	if (b != NULL)
		page_build_drop(b);
	archive_free(ar);
	buf_free(&css);
	page_names_free(names, n);
	free(bookid);
	free(dir);
	return rc;
}
