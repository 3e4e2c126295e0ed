/*
 * html.c: HTML editions (see html.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/data.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/wfile.h"
#include "doc/doc.h"
#include "render/html.h"

/* Run the stylesheet for one page and write it into the batch. */
static int
page(struct doc *d, struct xsl *xsl, const char *name, const char *path,
    struct wbatch *wb, struct htmlout *out)
{
	struct buf	 b = { 0 };
	int		 rc;

	if ((rc = page_render(d, xsl, name, path, PAGE_HTML, &b)) == 0)
		rc = wbatch_add(wb, path, b.data, b.len);
	if (rc == 0) {
		out->pages++;
		out->bytes += b.len;
	}
	buf_free(&b);
	return rc;
}

int
html_build(struct doc *d, struct xsl *xsl, const struct edition *ed,
    const char *outdir, struct htmlout *out)
{
	static const char *const reserved[] = { "index", NULL };
	struct wbatch	 wb = { NULL, 0 };
	xmlNodePtr	 b;
	char		*dir, *path, **names;
	size_t		 n;
	int		 rc = 0;

	memset(out, 0, sizeof(*out));
	if (page_names(d, reserved, &names, &n) == -1)
		return -1;
	dir = xasprintf("%s/html/%s", outdir, ed->lang->tag);
	if (wfile_mkdirs(dir) == -1) {
		page_names_free(names, n);
		free(dir);
		return -1;
	}
	b = page_build_add(d, ed, "../opas.css");
	path = xasprintf("%s/index.html", dir);
	rc = page(d, xsl, "index", path, &wb, out);
	free(path);
	/* A stylesheet that fails once fails on every page: stop. */
	for (size_t i = 0; i < n && rc == 0; i++) {
		path = xasprintf("%s/%s.html", dir, names[i]);
		rc = page(d, xsl, names[i], path, &wb, out);
		free(path);
	}
	/* The whole edition, or none of it. */
	if (rc == 0)
		rc = wbatch_commit(&wb);
	else
		wbatch_abort(&wb);
	page_names_free(names, n);
	page_build_drop(b);
	free(dir);
	return rc;
}

int
html_chooser(struct doc *d, struct xsl *xsl, const struct edition *ed,
    const char *outdir, struct htmlout *out)
{
	struct buf	 css = { 0 };
	struct wbatch	 wb = { NULL, 0 };
	xmlNodePtr	 b;
	char		*dir, *path;
	int		 rc = 0;

	memset(out, 0, sizeof(*out));
	dir = xasprintf("%s/html", outdir);
	if (wfile_mkdirs(dir) == -1) {
		free(dir);
		return -1;
	}
	b = page_build_add(d, ed, "opas.css");
	path = xasprintf("%s/index.html", dir);
	rc = page(d, xsl, "chooser", path, &wb, out);
	free(path);
	page_build_drop(b);
	if (rc == 0)
		rc = wbatch_commit(&wb);
	else
		wbatch_abort(&wb);

	/* The shared stylesheet of every page. */
	if (data_read("css/book.css", &css) == -1 ||
	    data_read("css/site.css", &css) == -1)
		rc = -1;
	else {
		path = xasprintf("%s/opas.css", dir);
		if (wfile_write(path, css.data, css.len) == -1)
			rc = -1;
		else
			out->bytes += css.len;
		free(path);
	}
	buf_free(&css);
	free(dir);
	return rc;
}
