/*
 * page.c: the build description, running a page, the serializer, page
 * names (see page.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/buf.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "doc/doc.h"
#include "render/page.h"
#include "render/xslt.h"

#define BUILD_NS	"urn:x-opas:build"
#define XHTML_NS	"http://www.w3.org/1999/xhtml"
#define EPUB_NS		"http://www.idpf.org/2007/ops"
#define XML_NS		"http://www.w3.org/XML/1998/namespace"

#define EL_VOID		0x1	/* no end tag in HTML */
#define EL_BREAK	0x2	/* a line break after its end is harmless */
#define EL_PRE		0x4	/* text as written */

static int
el_flags_of(const char *name)
{
	/* Elements after whose end a line break is readable. */
	static const char *const brk[] = { "head", "title", "meta", "link",
	    "header", "nav", "main", "footer", "section", "article", "div",
	    "p", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption",
	    "thead", "tbody", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
	    "details", "summary", "blockquote", NULL };
	static const char *const vd[] = { "area", "base", "br", "col",
	    "embed", "hr", "img", "input", "link", "meta", "source",
	    "track", "wbr", NULL };
	int	 f = 0;

	for (size_t i = 0; vd[i] != NULL; i++)
		if (strcmp(vd[i], name) == 0)
			f |= EL_VOID;
	for (size_t i = 0; brk[i] != NULL; i++)
		if (strcmp(brk[i], name) == 0)
			f |= EL_BREAK;
	if (strcmp(name, "pre") == 0)
		f |= EL_PRE;
	return f;
}

/*
 * The EL_* flags of an element name.  A result tree's names are few and
 * mostly shared strings, so they are remembered by address for one
 * serialization (while the tree, and so every name, lives).
 */
struct	elcache {
	const xmlChar	*name;
	int		 flags;
};

static int
el_flags(struct elcache *c, const xmlChar *name)
{
	struct elcache	*e = &c[((uintptr_t)name >> 4) % 61];

	if (e->name != name) {
		e->name = name;
		e->flags = el_flags_of((const char *)name);
	}
	return e->flags;
}

static int
is_ns(xmlNsPtr ns, const char *href)
{
	return ns != NULL && strcmp((const char *)ns->href, href) == 0;
}

static void
put_attr(struct buf *b, const char *prefix, const char *name,
    const char *value)
{
	buf_addc(b, ' ');
	buf_adds(b, prefix);
	buf_adds(b, name);
	buf_add(b, "=\"", 2);
	buf_add_xml(b, value, 1);
	buf_addc(b, '"');
}

/*
 * The attributes of an element.  HTML gets those in no namespace.
 * XHTML also gets epub:type and friends, and xml:lang beside every lang
 * (EPUB wants both, equal); an xml:lang of the stylesheet's own is left
 * out, so the two can never disagree.
 */
static void
put_attrs(struct buf *b, xmlNodePtr n, enum pagesyntax syn)
{
	for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
		const char	*prefix;
		xmlChar		*v;

		if (a->ns == NULL)
			prefix = "";
		else if (syn == PAGE_XHTML && is_ns(a->ns, EPUB_NS))
			prefix = "epub:";
		else
			continue;
		v = xmlNodeListGetString(n->doc, a->children, 1);
		if (v == NULL)
			v = xmlStrdup(BAD_CAST "");
		if (syn == PAGE_XHTML && *prefix == '\0' &&
		    strcmp((const char *)a->name, "lang") == 0)
			put_attr(b, "xml:", "lang", (char *)v);
		put_attr(b, prefix, (const char *)a->name, (char *)v);
		xmlFree(v);
	}
}

/* The end tag of an element, and a line break where harmless. */
static void
close_tag(struct buf *b, xmlNodePtr n, int flags, int *pre)
{
	buf_add(b, "</", 2);
	buf_adds(b, (const char *)n->name);
	buf_addc(b, '>');
	if (flags & EL_PRE)
		(*pre)--;
	if (!*pre && (flags & EL_BREAK))
		buf_addc(b, '\n');
}

static void
serialize(struct buf *b, xmlNodePtr top, enum pagesyntax syn)
{
	struct elcache	 cache[61];
	xmlNodePtr	 n = top;
	int		 pre = 0, flags;

	memset(cache, 0, sizeof(cache));
	while (n != NULL) {
		int descend = 0;

		switch (n->type) {
		case XML_ELEMENT_NODE:
			if (n->ns != NULL && !is_ns(n->ns, XHTML_NS))
				break;
			flags = el_flags(cache, n->name);
			buf_addc(b, '<');
			buf_adds(b, (const char *)n->name);
			if (n == top) {
				buf_adds(b, " xmlns=\"" XHTML_NS "\"");
				if (syn == PAGE_XHTML)
					buf_adds(b, " xmlns:epub=\""
					    EPUB_NS "\"");
			}
			put_attrs(b, n, syn);
			if (flags & EL_VOID) {
				buf_adds(b, syn == PAGE_XHTML ? " />" : ">");
				if (flags & EL_BREAK)
					buf_addc(b, '\n');
				break;
			}
			buf_addc(b, '>');
			if (flags & EL_PRE)
				pre++;
			if (n->children != NULL) {
				descend = 1;
				break;
			}
			close_tag(b, n, flags, &pre);
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			buf_add_xml(b, (const char *)n->content, 0);
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
			    is_ns(n->ns, XHTML_NS)))
				close_tag(b, n, el_flags(cache, n->name), &pre);
		}
		n = n == top ? NULL : n->next;
	}
}

xmlNodePtr
page_build_add(struct doc *d, const struct edition *ed, const char *css)
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

void
page_build_drop(xmlNodePtr b)
{
	xmlUnlinkNode(b);
	xmlFreeNode(b);
}

int
page_render(struct doc *d, struct xsl *xsl, const char *name,
    const char *path, enum pagesyntax syn, struct buf *b)
{
	const char	*params[] = { "page", name, NULL };
	xmlDocPtr	 res;
	xmlNodePtr	 top;

	if ((res = xsl_apply(xsl, d->xml, params)) == NULL)
		return -1;
	if ((top = xmlDocGetRootElement(res)) == NULL ||
	    strcmp((const char *)top->name, "html") != 0) {
		msg(MSG_XSLT_NOROOT, path, 0, 0, "html");
		xmlFreeDoc(res);
		return -1;
	}
	if (syn == PAGE_XHTML)
		buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_adds(b, "<!DOCTYPE html>\n");
	serialize(b, top, syn);
	xmlFreeDoc(res);
	return 0;
}

int
page_names(const struct doc *d, const char *const *reserved, char ***vp,
    size_t *np)
{
	static const char *const divs[] = { "preface", "chapter",
	    "appendix", "glossary", NULL };
	xmlNodePtr	 root = xmlDocGetRootElement(d->xml);
	char		**v = NULL;
	size_t		 n = 0;

	*vp = NULL;
	*np = 0;
	if (d->version != 5) {
		msg(MSG_BUILD_DOCBOOK4, d->path, 0, 0);
		return -1;
	}
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
		id = xmlGetNsProp(c, BAD_CAST "id", BAD_CAST XML_NS);
		v[n] = id != NULL ? xstrdup((char *)id) :
		    xasprintf("%s-%zu", (const char *)c->name, n + 1);
		xmlFree(id);
		for (i = 0; reserved[i] != NULL; i++)
			if (strcmp(reserved[i], v[n]) == 0) {
				struct msgloc	 loc;
				char		*file;

				doc_node_loc(d, c, &loc, &file);
				msg_at(MSG_PAGE_NAME, &loc, v[n]);
				free(file);
				page_names_free(v, n + 1);
				return -1;
			}
		n++;
	}
	*vp = v;
	*np = n;
	return 0;
}

void
page_names_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
