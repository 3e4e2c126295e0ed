/*
 * html.c: HTML editions (see html.h).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/buf.h"
#include "base/data.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/wfile.h"
#include "doc/doc.h"
#include "render/html.h"
#include "render/xslt.h"

#define BUILD_NS	"urn:x-opas:build"
#define XHTML_NS	"http://www.w3.org/1999/xhtml"

/* Elements that have no end tag in HTML. */
static int
is_void(const char *name)
{
	static const char *const v[] = { "area", "base", "br", "col",
	    "embed", "hr", "img", "input", "link", "meta", "source",
	    "track", "wbr", NULL };

	for (size_t i = 0; v[i] != NULL; i++)
		if (strcmp(v[i], name) == 0)
			return 1;
	return 0;
}

/* Elements after whose end a line break is harmless and readable. */
static int
breaks_after(const char *name)
{
	static const char *const v[] = { "head", "title", "meta", "link",
	    "header", "nav", "main", "footer", "section", "article", "div",
	    "p", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption",
	    "thead", "tbody", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
	    "details", "summary", "blockquote", NULL };

	for (size_t i = 0; v[i] != NULL; i++)
		if (strcmp(v[i], name) == 0)
			return 1;
	return 0;
}

static void
put_escaped(struct buf *b, const char *s, int attr)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			buf_adds(b, "&amp;");
			break;
		case '<':
			buf_adds(b, "&lt;");
			break;
		case '>':
			buf_adds(b, "&gt;");
			break;
		case '"':
			buf_adds(b, attr ? "&quot;" : "\"");
			break;
		default:
			buf_addc(b, *s);
		}
}

/*
 * The serializer: HTML syntax (with xml set, also well-formed XML, for
 * EPUB's XHTML).  Only elements and attributes in no namespace or
 * XHTML's are written; text and attribute values are always escaped.
 */
static void
serialize(struct buf *b, xmlNodePtr top, int xml)
{
	xmlNodePtr	 n = top;
	int		 pre = 0;

	while (n != NULL) {
		int descend = 0;

		switch (n->type) {
		case XML_ELEMENT_NODE:
			if (n->ns != NULL && strcmp((const char *)n->ns->href,
			    XHTML_NS) != 0)
				break;
			buf_addf(b, "<%s", (const char *)n->name);
			if (n == top)
				buf_adds(b, " xmlns=\"" XHTML_NS "\"");
			for (xmlAttrPtr a = n->properties; a != NULL;
			    a = a->next) {
				xmlChar *v;

				if (a->ns != NULL)
					continue;
				v = xmlNodeListGetString(n->doc, a->children,
				    1);
				buf_addf(b, " %s=\"", (const char *)a->name);
				put_escaped(b, v == NULL ? "" : (char *)v, 1);
				buf_addc(b, '"');
				xmlFree(v);
			}
			if (is_void((const char *)n->name)) {
				buf_adds(b, xml ? " />" : ">");
				if (breaks_after((const char *)n->name))
					buf_addc(b, '\n');
				break;
			}
			buf_addc(b, '>');
			if (strcmp((const char *)n->name, "pre") == 0)
				pre++;
			if (n->children != NULL) {
				descend = 1;
				break;
			}
			buf_addf(b, "</%s>", (const char *)n->name);
			if (strcmp((const char *)n->name, "pre") == 0)
				pre--;
			if (!pre && breaks_after((const char *)n->name))
				buf_addc(b, '\n');
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			put_escaped(b, (const char *)n->content, 0);
			break;
		default:	/* comments, processing instructions */
			break;
		}
		if (descend) {
			n = n->children;
			continue;
		}
		/* Up, closing elements, until there is a next sibling. */
		while (n != top && n->next == NULL) {
			n = n->parent;
			if (n->type == XML_ELEMENT_NODE && (n->ns == NULL ||
			    strcmp((const char *)n->ns->href, XHTML_NS) == 0)) {
				buf_addf(b, "</%s>", (const char *)n->name);
				if (strcmp((const char *)n->name, "pre") == 0)
					pre--;
				if (!pre && breaks_after((const char *)n->name))
					buf_addc(b, '\n');
			}
		}
		n = n == top ? NULL : n->next;
	}
}

/* mkdir -p; reports and returns -1 on failure. */
static int
make_dirs(const char *path)
{
	char	*p = xstrdup(path);
	int	 rc = 0;

	for (char *s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0755) == -1 && errno != EEXIST) {
			msg(MSG_WRITE, p, 0, 0, strerror(errno));
			rc = -1;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

static int
write_bytes(const char *path, const char *data, size_t len)
{
	struct wfile	*wf;

	if ((wf = wfile_open(path)) == NULL)
		return -1;
	if (fwrite(data, 1, len, wf->f) != len) {
		msg(MSG_WRITE, path, 0, 0, strerror(errno));
		wfile_abort(wf);
		return -1;
	}
	return wfile_commit(wf);
}

/* Add the build description (see html.xsl) as the root's first child. */
static xmlNodePtr
add_build(struct doc *d, const struct edition *ed, const char *css)
{
	xmlNodePtr	 root, b;
	xmlNsPtr	 ns;
	char		 num[16];

	root = xmlDocGetRootElement(d->xml);
	b = xmlNewDocNode(d->xml, NULL, BAD_CAST "build", NULL);
	ns = xmlNewNs(b, BAD_CAST BUILD_NS, BAD_CAST "o");
	xmlSetNs(b, ns);
	xmlNewProp(b, BAD_CAST "lang", BAD_CAST ed->lang->tag);
	xmlNewProp(b, BAD_CAST "dir",
	    BAD_CAST (ed->lang->dir == LANG_RTL ? "rtl" : "ltr"));
	xmlNewProp(b, BAD_CAST "source", BAD_CAST ed->source->tag);
	xmlNewProp(b, BAD_CAST "preview", BAD_CAST (ed->preview ? "1" : "0"));
	snprintf(num, sizeof(num), "%d", ed->percent);
	xmlNewProp(b, BAD_CAST "percent", BAD_CAST num);
	xmlNewProp(b, BAD_CAST "css", BAD_CAST css);
	for (size_t i = 0; i < ed->nsite; i++) {
		const struct lang	*l = ed->site[i].lang;
		xmlNodePtr		 e;

		e = xmlNewChild(b, ns, BAD_CAST "lang", NULL);
		xmlNewProp(e, BAD_CAST "tag", BAD_CAST l->tag);
		xmlNewProp(e, BAD_CAST "native", BAD_CAST l->native);
		xmlNewProp(e, BAD_CAST "english", BAD_CAST l->english);
		xmlNewProp(e, BAD_CAST "dir",
		    BAD_CAST (l->dir == LANG_RTL ? "rtl" : "ltr"));
		xmlNewProp(e, BAD_CAST "preview",
		    BAD_CAST (ed->site[i].preview ? "1" : "0"));
	}
	if (root->children != NULL)
		xmlAddPrevSibling(root->children, b);
	else
		xmlAddChild(root, b);
	return b;
}

static void
drop_build(xmlNodePtr b)
{
	xmlUnlinkNode(b);
	xmlFreeNode(b);
}

/* Run the stylesheet for one page and write it. */
static int
page(struct doc *d, struct xsl *xsl, const char *name, const char *path,
    struct htmlout *out)
{
	const char	*params[] = { "page", name, NULL };
	struct buf	 b = { 0 };
	xmlDocPtr	 res;
	xmlNodePtr	 top;
	int		 rc;

	if ((res = xsl_apply(xsl, d->xml, params)) == NULL)
		return -1;
	if ((top = xmlDocGetRootElement(res)) == NULL ||
	    strcmp((const char *)top->name, "html") != 0) {
		msg(MSG_XSLT_NOHTML, path, 0, 0);
		xmlFreeDoc(res);
		return -1;
	}
	buf_adds(&b, "<!DOCTYPE html>\n");
	serialize(&b, top, 0);
	xmlFreeDoc(res);
	rc = write_bytes(path, b.data, b.len);
	if (rc == 0) {
		out->pages++;
		out->bytes += b.len;
	}
	buf_free(&b);
	return rc;
}

/* The pages of a book: its top-level divisions, named as html.xsl does. */
static char **
page_names(const struct doc *d, size_t *np)
{
	static const char *const divs[] = { "preface", "chapter",
	    "appendix", "glossary", NULL };
	xmlNodePtr	 root = xmlDocGetRootElement(d->xml);
	char		**v = NULL;
	size_t		 n = 0;

	for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
		xmlChar	*id;
		size_t	 i;

		if (c->type != XML_ELEMENT_NODE || !doc_is_db(d, c))
			continue;
		for (i = 0; divs[i] != NULL; i++)
			if (strcmp(divs[i], (const char *)c->name) == 0)
				break;
		if (divs[i] == NULL)
			continue;
		v = xreallocarray(v, n + 1, sizeof(*v));
		id = xmlGetNsProp(c, BAD_CAST "id",
		    BAD_CAST "http://www.w3.org/XML/1998/namespace");
		v[n] = id != NULL ? xstrdup((char *)id) :
		    xasprintf("%s-%zu", (const char *)c->name, n + 1);
		xmlFree(id);
		n++;
	}
	*np = n;
	return v;
}

int
html_build(struct doc *d, struct xsl *xsl, const struct edition *ed,
    const char *outdir, struct htmlout *out)
{
	xmlNodePtr	 b;
	char		*dir, *path, **names;
	size_t		 n;
	int		 rc = 0;

	memset(out, 0, sizeof(*out));
	if (d->version != 5) {
		msg(MSG_BUILD_DOCBOOK4, d->path, 0, 0);
		return -1;
	}
	dir = xasprintf("%s/html/%s", outdir, ed->lang->tag);
	if (make_dirs(dir) == -1) {
		free(dir);
		return -1;
	}
	b = add_build(d, ed, "../opas.css");
	names = page_names(d, &n);
	path = xasprintf("%s/index.html", dir);
	if (page(d, xsl, "index", path, out) == -1)
		rc = -1;
	free(path);
	/* A stylesheet that fails once fails on every page: stop. */
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (strcmp(names[i], "index") == 0) {
			msg(MSG_PAGE_NAME, d->path, 0, 0, names[i]);
			rc = -1;
			break;
		}
		path = xasprintf("%s/%s.html", dir, names[i]);
		rc = page(d, xsl, names[i], path, out);
		free(path);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	drop_build(b);
	free(dir);
	return rc;
}

int
html_chooser(struct doc *d, struct xsl *xsl, const struct edition *ed,
    const char *outdir, struct htmlout *out)
{
	struct buf	 css = { 0 };
	xmlNodePtr	 b;
	char		*dir, *path, *src;
	FILE		*f;
	int		 rc = 0;

	memset(out, 0, sizeof(*out));
	dir = xasprintf("%s/html", outdir);
	if (make_dirs(dir) == -1) {
		free(dir);
		return -1;
	}
	b = add_build(d, ed, "opas.css");
	path = xasprintf("%s/index.html", dir);
	rc = page(d, xsl, "chooser", path, out);
	free(path);
	drop_build(b);

	/* The shared stylesheet of every page. */
	if ((src = data_find("html/opas.css")) == NULL ||
	    (f = fopen(src, "r")) == NULL) {
		msg(MSG_DATAFILE, NULL, 0, 0, "html/opas.css");
		rc = -1;
	} else {
		char	 chunk[8192];
		size_t	 k;

		while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_add(&css, chunk, k);
		fclose(f);
		path = xasprintf("%s/opas.css", dir);
		if (write_bytes(path, css.data == NULL ? "" : css.data,
		    css.len) == -1)
			rc = -1;
		else
			out->bytes += css.len;
		free(path);
	}
	free(src);
	buf_free(&css);
	free(dir);
	return rc;
}
