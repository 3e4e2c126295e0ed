/*
 * doc.c: reads a guide source into a tree (see doc.h).  The only file
 * that configures libxml2's parser, its entity loader and XInclude.
 *
 * Security rules, all enforced here:
 * - the network is never used (XML_PARSE_NONET, and the entity loader
 *   refuses every URL with a scheme other than file);
 * - external entities, parameter entities and XIncludes are read only
 *   from files inside the source tree (the directory of the main file),
 *   checked both lexically and after resolving symbolic links;
 * - external DTD subsets are never read (no XML_PARSE_DTDLOAD);
 * - entity expansion and nesting depth keep libxml2's limits
 *   (XML_PARSE_HUGE is never set).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/msg.h"
#include "doc/doc.h"

#define PARSE_OPTIONS	(XML_PARSE_NONET | XML_PARSE_NOENT | \
			 XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA)

/* Reader state seen by the libxml2 callbacks; one read at a time. */
static struct {
	const char	*lexroot;	/* absolute source tree, not resolved */
	char		*realroot;	/* the same with links resolved */
	const char	*showroot;	/* the source tree as the user named it */
	xmlParserCtxtPtr ctxt;		/* the parser at work, for locations */
	int		 refused;	/* a load was refused: hide libxml2's echo */
} rd;

static xmlExternalEntityLoader	 default_loader;

static const char *const db_roots[] = {
	"book", "article", "chapter", "part", "appendix", "preface",
	"section", NULL
};

static const char *const db_public_ids[] = {
	"-//OASIS//DTD DocBook XML V4.5//EN",
	"-//OASIS//DTD DocBook XML V4.4//EN",
	"-//OASIS//DTD DocBook XML V4.3//EN",
	"-//OASIS//DTD DocBook XML V4.2//EN",
	"-//OASIS//DTD DocBook V4.5//EN",
	"-//OASIS//DTD DocBook XML 5.0//EN",
	NULL
};

/*
 * Make path absolute and remove "." and ".." lexically, without asking
 * the file system; the caller frees the result.
 */
static char *
lexical_abs(const char *path)
{
	struct buf	 in = { 0 }, out = { 0 };
	char		 cwd[PATH_MAX];
	char		*p, *seg, *save;

	if (path[0] != '/') {
		if (getcwd(cwd, sizeof(cwd)) == NULL)
			strcpy(cwd, "/");
		buf_adds(&in, cwd);
		buf_addc(&in, '/');
	}
	buf_adds(&in, path);
	p = in.data;
	for (seg = strtok_r(p, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			char *slash = out.data == NULL ? NULL :
			    strrchr(out.data, '/');

			if (slash != NULL) {
				out.len = (size_t)(slash - out.data);
				out.data[out.len] = '\0';
			}
			continue;
		}
		buf_addc(&out, '/');
		buf_adds(&out, seg);
	}
	buf_free(&in);
	if (out.len == 0)
		buf_addc(&out, '/');
	return buf_detach(&out);
}

static int
is_inside(const char *path, const char *root)
{
	size_t	 n;

	n = strlen(root);
	if (strcmp(root, "/") == 0)
		return 1;
	return strncmp(path, root, n) == 0 &&
	    (path[n] == '/' || path[n] == '\0');
}

/*
 * Decide whether a URI may be read: only local files inside the source
 * tree.  Reports at loc and returns -1 when it may not.
 */
static int
check_uri(const char *uri, const struct msgloc *loc)
{
	xmlURIPtr	 u;
	char		*path = NULL, *lex = NULL, real[PATH_MAX];
	int		 rc = -1;

	if ((u = xmlParseURI(uri)) == NULL) {
		msg_at(MSG_OUTSIDE, loc, uri, rd.showroot);
		return -1;
	}
	if (u->scheme != NULL && strcmp(u->scheme, "file") != 0) {
		msg_at(MSG_NETWORK, loc, uri);
		goto out;
	}
	if (u->server != NULL && *u->server != '\0' &&
	    strcmp(u->server, "localhost") != 0) {
		msg_at(MSG_NETWORK, loc, uri);
		goto out;
	}
	if (u->path == NULL) {
		msg_at(MSG_OUTSIDE, loc, uri, rd.showroot);
		goto out;
	}
	path = xstrdup(u->path);
	lex = lexical_abs(path);
	if (!is_inside(lex, rd.lexroot)) {
		msg_at(MSG_OUTSIDE, loc, path, rd.showroot);
		goto out;
	}
	if (realpath(lex, real) != NULL && !is_inside(real, rd.realroot)) {
		msg_at(MSG_OUTSIDE, loc, path, rd.showroot);
		goto out;
	}
	rc = 0;
out:
	free(path);
	free(lex);
	xmlFreeURI(u);
	return rc;
}

/*
 * The one entity loader: external entities, parameter entities and
 * XIncluded files all come through here.
 */
static xmlParserInputPtr
reader_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	struct msgloc	 loc = { NULL, 0, 0 };

	/* An entity's own parser has no input yet: use its parent's. */
	if (ctxt == NULL || ctxt->input == NULL)
		ctxt = rd.ctxt;
	if (ctxt != NULL && ctxt->input != NULL) {
		loc.file = ctxt->input->filename;
		loc.line = ctxt->input->line;
		loc.col = ctxt->input->col;
	}
	if (url == NULL || rd.lexroot == NULL ||
	    check_uri(url, &loc) == -1) {
		rd.refused = 1;
		return NULL;
	}
	return default_loader(url, id, ctxt);
}

static void
chomp_copy(struct buf *b, const char *s)
{
	size_t	 n;

	n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		n--;
	buf_add(b, s, n);
}

/* libxml2's structured errors become our diagnostics. */
static void
reader_error(void *arg, xmlErrorPtr e)
{
	struct buf	 text = { 0 };
	struct msgloc	 loc;

	if (e == NULL || e->level == XML_ERR_NONE)
		return;
	/* Our refusal was already reported; skip libxml2's echo of it. */
	if (rd.refused && (e->domain == XML_FROM_IO ||
	    e->code == XML_ERR_UNDECLARED_ENTITY ||
	    e->code == XML_WAR_UNDECLARED_ENTITY))
		return;
	/* Unique ids are checked by doc_check_links(), with both places. */
	if (e->code == XML_DTD_ID_REDEFINED)
		return;
	if (e->message != NULL &&
	    strncmp(e->message, "Excessive depth", 15) == 0) {
		msg(MSG_DEPTH, e->file, e->line, e->int2, xmlParserMaxDepth);
		return;
	}
	/* An entity loop is reported once, where the reference is. */
	if (e->code == XML_ERR_ENTITY_LOOP) {
		if (e->file != NULL)
			msg(MSG_ENTITY_LOOP, e->file, e->line, e->int2);
		return;
	}
	if (e->code == XML_WAR_UNDECLARED_ENTITY ||
	    e->code == XML_ERR_UNDECLARED_ENTITY) {
		loc.file = e->file;
		loc.line = e->line;
		loc.col = e->int2;
		msg_at(MSG_ENTITY_UNDEF, &loc,
		    e->str1 == NULL ? "?" : e->str1);
		return;
	}
	chomp_copy(&text, e->message == NULL ? "error" : e->message);
	loc.file = e->file;
	loc.line = e->line;
	loc.col = e->int2;
	if (e->node != NULL && e->file == NULL && arg != NULL) {
		/* Errors about nodes (XInclude) carry no file of their own. */
		char *file = NULL;

		doc_node_loc(arg, e->node, &loc, &file);
		msg_at(e->level == XML_ERR_WARNING ? MSG_XML_WARN : MSG_XML,
		    &loc, buf_str(&text));
		free(file);
	} else
		msg_at(e->level == XML_ERR_WARNING ? MSG_XML_WARN : MSG_XML,
		    &loc, buf_str(&text));
	buf_free(&text);
}

xmlNodePtr
doc_next(xmlNodePtr n, xmlNodePtr top)
{
	if (n->type == XML_ELEMENT_NODE && n->children != NULL)
		return n->children;
	while (n != NULL && n != top) {
		if (n->next != NULL)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

void
doc_node_loc(const struct doc *d, xmlNodePtr n, struct msgloc *loc,
    char **file)
{
	xmlChar	*base;

	*file = NULL;
	loc->file = d->path;
	loc->line = (int)xmlGetLineNo(n);
	loc->col = 0;
	if (loc->line < 0)
		loc->line = 0;
	if ((base = xmlNodeGetBase(d->xml, n)) != NULL) {
		*file = xstrdup((const char *)base);
		xmlFree(base);
		loc->file = *file;
	}
}

int
doc_is_db(const struct doc *d, xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (d->version == 4)
		return n->ns == NULL;
	return n->ns != NULL &&
	    strcmp((const char *)n->ns->href, DOC_NS_DOCBOOK) == 0;
}

/* Limits on XInclude: nesting (catches loops) and file size for text. */
#define XINCLUDE_MAX_DEPTH	32
#define XINCLUDE_MAX_TEXT	(16 * 1024 * 1024)

static int
is_xinclude(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, DOC_NS_XINCLUDE) == 0 &&
	    strcmp((const char *)n->name, "include") == 0;
}

/*
 * Parse one file of the tree with the reader's options: its bytes when
 * data is not NULL (path still names it, for relative references and
 * diagnostics), else the file itself.
 */
static xmlDocPtr
parse_file(const char *path, const char *data, size_t len)
{
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 xml;

	if ((ctxt = xmlNewParserCtxt()) == NULL)
		return NULL;
	rd.ctxt = ctxt;
	if (data != NULL)
		xml = len > INT_MAX ? NULL : xmlCtxtReadMemory(ctxt, data,
		    (int)len, path, NULL, PARSE_OPTIONS);
	else
		xml = xmlCtxtReadFile(ctxt, path, NULL, PARSE_OPTIONS);
	if (xml != NULL && (!ctxt->wellFormed || rd.refused)) {
		xmlFreeDoc(xml);
		xml = NULL;
	}
	rd.ctxt = NULL;
	xmlFreeParserCtxt(ctxt);
	return xml;
}

/* The content an xi:include stands for, or NULL after reporting. */
static xmlNodePtr
xinclude_load(struct doc *d, xmlNodePtr inc, const char *href,
    const char *path, const struct msgloc *loc)
{
	xmlChar		*parse;
	xmlNodePtr	 repl = NULL;
	int		 text;

	parse = xmlGetNoNsProp(inc, BAD_CAST "parse");
	text = parse != NULL && strcmp((const char *)parse, "text") == 0;
	if (parse != NULL && !text && strcmp((const char *)parse, "xml") != 0)
		msg_at(MSG_XINCLUDE_PARSE, loc, (const char *)parse);
	else if (access(path, R_OK) == -1)
		msg_at(MSG_XINCLUDE, loc, href, strerror(errno));
	else if (text) {
		struct buf	 b = { 0 };
		char		 chunk[8192];
		size_t		 n;
		FILE		*f;

		if ((f = fopen(path, "r")) == NULL) {
			msg_at(MSG_XINCLUDE, loc, href, strerror(errno));
			goto out;
		}
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 &&
		    b.len <= XINCLUDE_MAX_TEXT)
			buf_add(&b, chunk, n);
		fclose(f);
		if (b.len > XINCLUDE_MAX_TEXT)
			msg_at(MSG_XINCLUDE, loc, href, "larger than 16 MB");
		else if (!xmlCheckUTF8(BAD_CAST buf_str(&b)))
			msg_at(MSG_XINCLUDE, loc, href, "not UTF-8 text");
		else
			repl = xmlNewDocTextLen(d->xml, BAD_CAST buf_str(&b),
			    (int)b.len);
		buf_free(&b);
	} else {
		xmlDocPtr	 sub;

		if ((sub = parse_file(path, NULL, 0)) == NULL)
			msg_at(MSG_XINCLUDE, loc, href, "not well-formed");
		else {
			repl = xmlDocCopyNode(xmlDocGetRootElement(sub),
			    d->xml, 1);
			xmlFreeDoc(sub);
			if (repl != NULL)
				xmlNodeSetBase(repl, BAD_CAST href);
		}
	}
out:
	xmlFree(parse);
	return repl;
}

/* Replace inc by its xi:fallback's content; 0 if it has none. */
static int
xinclude_fallback(xmlNodePtr inc)
{
	xmlNodePtr	 fb, c, next;

	for (fb = inc->children; fb != NULL; fb = fb->next)
		if (fb->type == XML_ELEMENT_NODE && fb->ns != NULL &&
		    strcmp((const char *)fb->ns->href, DOC_NS_XINCLUDE) == 0 &&
		    strcmp((const char *)fb->name, "fallback") == 0)
			break;
	if (fb == NULL)
		return 0;
	for (c = fb->children; c != NULL; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlAddPrevSibling(inc, c);
	}
	xmlUnlinkNode(inc);
	xmlFreeNode(inc);
	return 1;
}

/*
 * Expand one xi:include: check where it points, load it, put it in
 * place.  Returns -1 after reporting a refusal or a failed load.
 */
static int
xinclude_one(struct doc *d, xmlNodePtr inc)
{
	struct msgloc	 loc;
	xmlChar		*href, *base = NULL, *uri = NULL;
	xmlURIPtr	 u = NULL;
	xmlNodePtr	 repl;
	char		*file;
	int		 rc = -1;

	doc_node_loc(d, inc, &loc, &file);
	href = xmlGetNoNsProp(inc, BAD_CAST "href");
	if (xmlHasProp(inc, BAD_CAST "xpointer")) {
		msg_at(MSG_XINCLUDE_XPOINTER, &loc);
		goto out;
	}
	if (href == NULL || *href == '\0') {
		msg_at(MSG_XINCLUDE_HREF, &loc);
		goto out;
	}
	base = xmlNodeGetBase(d->xml, inc);
	uri = xmlBuildURI(href, base);
	if (uri == NULL || check_uri((const char *)uri, &loc) == -1)
		goto out;
	if ((u = xmlParseURI((const char *)uri)) == NULL || u->path == NULL) {
		msg_at(MSG_XINCLUDE, &loc, (const char *)href, "bad address");
		goto out;
	}
	rd.refused = 0;
	repl = xinclude_load(d, inc, (const char *)href, u->path, &loc);
	if (repl == NULL) {
		rc = xinclude_fallback(inc) ? 0 : -1;
		goto out;
	}
	xmlReplaceNode(inc, repl);
	xmlFreeNode(inc);
	rc = 0;
out:
	xmlFreeURI(u);
	xmlFree(uri);
	xmlFree(base);
	xmlFree(href);
	free(file);
	return rc;
}

/*
 * Expand XIncludes level by level, so that each one is checked and
 * reported at its own element; the depth limit stops include loops.
 */
static int
xinclude_all(struct doc *d)
{
	xmlNodePtr	 n, top, *incs = NULL;
	size_t		 nincs, cap = 0;
	int		 depth, bad = 0;

	for (depth = 0; ; depth++) {
		nincs = 0;
		top = xmlDocGetRootElement(d->xml);
		for (n = top; n != NULL; n = doc_next(n, top)) {
			if (!is_xinclude(n))
				continue;
			if (nincs == cap) {
				cap = cap == 0 ? 16 : cap * 2;
				incs = xreallocarray(incs, cap, sizeof(*incs));
			}
			incs[nincs++] = n;
		}
		if (nincs == 0)
			break;
		if (depth == XINCLUDE_MAX_DEPTH) {
			struct msgloc	 loc;
			char		*file;

			doc_node_loc(d, incs[0], &loc, &file);
			msg_at(MSG_XINCLUDE_DEPTH, &loc, XINCLUDE_MAX_DEPTH);
			free(file);
			bad++;
			break;
		}
		for (size_t i = 0; i < nincs; i++)
			if (xinclude_one(d, incs[i]) == -1)
				bad++;
		if (bad > 0)
			break;
	}
	free(incs);
	return bad;
}

static int
check_root(struct doc *d)
{
	xmlNodePtr	 root;
	xmlDtdPtr	 dtd;
	const char	*name;

	if ((root = xmlDocGetRootElement(d->xml)) == NULL) {
		msg(MSG_NOT_DOCBOOK, d->path, 0, 0, "");
		return -1;
	}
	name = (const char *)root->name;
	if (root->ns != NULL) {
		if (strcmp((const char *)root->ns->href, DOC_NS_DOCBOOK) != 0) {
			msg(MSG_NAMESPACE, d->path, (int)xmlGetLineNo(root), 0,
			    name, (const char *)root->ns->href);
			return -1;
		}
		d->version = 5;
	} else
		d->version = 4;
	for (size_t i = 0; db_roots[i] != NULL; i++)
		if (strcmp(name, db_roots[i]) == 0)
			goto known;
	msg(MSG_NOT_DOCBOOK, d->path, (int)xmlGetLineNo(root), 0, name);
	return -1;
known:
	if (d->version == 4)
		msg(MSG_DOCBOOK4, d->path, (int)xmlGetLineNo(root), 0);

	/* Say so when a DTD other than DocBook's was not read. */
	if ((dtd = xmlGetIntSubset(d->xml)) != NULL && dtd->SystemID != NULL) {
		int docbook = 0;

		for (size_t i = 0; dtd->ExternalID != NULL &&
		    db_public_ids[i] != NULL; i++)
			if (strcmp((const char *)dtd->ExternalID,
			    db_public_ids[i]) == 0)
				docbook = 1;
		if (!docbook)
			msg(MSG_DTD_SKIPPED, d->path, (int)xmlGetLineNo(
			    (xmlNodePtr)dtd), 0, (const char *)dtd->SystemID);
	}
	return 0;
}

/*
 * Read a file (or its bytes, data) with the reader's safety rules.  A
 * guide (guide set) must have a DocBook root and gets its XIncludes
 * resolved; any other file (the distribution manifest) is taken as it
 * is, XIncludes unresolved.
 */
static struct doc *
read_tree(const char *path, const char *data, size_t len, int guide)
{
	struct doc		*d;
	char			*dir, *slash, real[PATH_MAX];
	int			 ok = 0;

	d = xcalloc(1, sizeof(*d));
	d->path = xstrdup(path);
	if (data == NULL && access(path, R_OK) == -1) {
		msg(MSG_OPEN, path, 0, 0, strerror(errno));
		goto out;
	}

	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	d->root = lexical_abs(dir);
	d->shownroot = dir;
	rd.lexroot = d->root;
	rd.showroot = d->shownroot;
	rd.realroot = xstrdup(realpath(d->root, real) != NULL ?
	    real : d->root);
	rd.refused = 0;

	if (default_loader == NULL)
		default_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(reader_loader);
	xmlSetStructuredErrorFunc(d, reader_error);
	xmlSetGenericErrorFunc(NULL, NULL);

	if ((d->xml = parse_file(path, data, len)) == NULL)
		goto out;
	if (guide && (check_root(d) == -1 || xinclude_all(d) > 0))
		goto out;
	ok = 1;
out:
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetExternalEntityLoader(default_loader != NULL ?
	    default_loader : xmlNoNetExternalEntityLoader);
	free(rd.realroot);
	rd.realroot = NULL;
	rd.lexroot = NULL;
	if (!ok) {
		doc_free(d);
		return NULL;
	}
	return d;
}

struct doc *
doc_read(const char *path)
{
	return read_tree(path, NULL, 0, 1);
}

struct doc *
doc_read_mem(const char *path, const char *data, size_t len)
{
	return read_tree(path, data, len, 1);
}

struct doc *
doc_read_plain(const char *path)
{
	return read_tree(path, NULL, 0, 0);
}

/* A deep copy of a tree that was read, to change without reading again. */
struct doc *
doc_copy(const struct doc *src)
{
	struct doc	*d;

	d = xcalloc(1, sizeof(*d));
	d->xml = xmlCopyDoc(src->xml, 1);
	d->path = xstrdup(src->path);
	d->root = xstrdup(src->root);
	d->shownroot = xstrdup(src->shownroot);
	d->version = src->version;
	if (d->xml == NULL)
		mem_fail(0);
	return d;
}

void
doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	if (d->xml != NULL)
		xmlFreeDoc(d->xml);
	free(d->path);
	free(d->root);
	free(d->shownroot);
	free(d);
}

/* Releases libxml2's global state at exit. */
void
doc_cleanup(void)
{
	xmlCleanupParser();
}

/* Collects the first parse error of a fragment. */
static void
fragment_error(void *arg, xmlErrorPtr e)
{
	struct buf	*err = arg;

	if (e == NULL || e->level < XML_ERR_ERROR || err == NULL ||
	    err->len > 0)
		return;
	chomp_copy(err, e->message == NULL ? "not well-formed" : e->message);
}

/*
 * Whether text is character data the parser would return as it is: no
 * markup, no references, no carriage returns (which it would change),
 * no "]]>" and only characters XML allows, in valid UTF-8.  Most
 * translations of titles and short items are; parsing each with a new
 * parser context cost more than the rest of the merge.
 */
static int
plain_text(const char *text)
{
	const unsigned char	*s = (const unsigned char *)text;
	const unsigned char	*end = s + strlen(text);
	long			 c;

	while (s < end) {
		if (*s == ']' && s[1] == ']' && s[2] == '>')
			return 0;
		if ((c = utf8_get(&s, end)) == -1 || c == '<' || c == '&' ||
		    c == '\r' || (c < 0x20 && c != '\t' && c != '\n') ||
		    c == 0xfffe || c == 0xffff)
			return 0;
	}
	return 1;
}

/*
 * Parse a piece of XML text (a msgid or msgstr) as the content of the
 * element ctx, with the namespaces in scope there.  Returns the node
 * list, which belongs to the caller (xmlFreeNodeList), or NULL with the
 * reason in err.  The same rules as doc_read(): no network, no files.
 */
xmlNodePtr
doc_parse_fragment(xmlNodePtr ctx, const char *text, struct buf *err)
{
	xmlNodePtr	 list = NULL;
	xmlParserErrors	 rc;

	if (*text == '\0')
		return xmlNewDocText(ctx->doc, BAD_CAST "");
	if (plain_text(text))
		return xmlNewDocText(ctx->doc, BAD_CAST text);
	xmlSetStructuredErrorFunc(err, fragment_error);
	xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
	rc = xmlParseInNodeContext(ctx, text, (int)strlen(text),
	    XML_PARSE_NONET | XML_PARSE_NOCDATA, &list);
	xmlSetExternalEntityLoader(default_loader != NULL ?
	    default_loader : xmlNoNetExternalEntityLoader);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (rc != XML_ERR_OK) {
		if (err != NULL && err->len == 0)
			buf_adds(err, "not well-formed");
		xmlFreeNodeList(list);
		return NULL;
	}
	if (list == NULL)
		list = xmlNewDocText(ctx->doc, BAD_CAST "");
	return list;
}

/* The first DocBook child of n named by the len bytes of name. */
static xmlNodePtr
db_child(const struct doc *d, xmlNodePtr n, const char *name, size_t len)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if (doc_is_db(d, c) && strlen((const char *)c->name) == len &&
		    strncmp((const char *)c->name, name, len) == 0)
			return c;
	return NULL;
}

/*
 * The text of a child of the book's info (title, edition, pubdate...),
 * or of a path of them ("publisher/publishername"), or NULL; the caller
 * frees it with xmlFree().
 */
xmlChar *
doc_info(const struct doc *d, const char *name)
{
	xmlNodePtr	 root, info;
	const char	*slash;

	if ((root = xmlDocGetRootElement(d->xml)) == NULL)
		return NULL;
	if ((info = db_child(d, root, "info", 4)) == NULL &&
	    (info = db_child(d, root, "bookinfo", 8)) == NULL &&
	    (info = db_child(d, root, "articleinfo", 11)) == NULL)
		info = root;
	/* "publisher/publishername": a path of children. */
	for (; (slash = strchr(name, '/')) != NULL; name = slash + 1)
		if ((info = db_child(d, info, name,
		    (size_t)(slash - name))) == NULL)
			return NULL;
	if ((info = db_child(d, info, name, strlen(name))) == NULL)
		return NULL;
	return xmlNodeGetContent(info);
}

/*
 * The source date, used wherever an output carries a date: the
 * SOURCE_DATE_EPOCH environment variable when set, else the book's
 * pubdate (YYYY-MM-DD, midnight UTC), else the epoch.  Never the clock.
 */
time_t
doc_date(const struct doc *d)
{
	const char	*env;
	xmlChar		*pub;
	struct tm	 tm;
	char		*end;
	long long	 v;
	time_t		 t = 0;

	if ((env = getenv("SOURCE_DATE_EPOCH")) != NULL && *env != '\0') {
		v = strtoll(env, &end, 10);
		if (*end == '\0' && v >= 0)
			return (time_t)v;
	}
	if ((pub = doc_info(d, "pubdate")) == NULL)
		return 0;
	memset(&tm, 0, sizeof(tm));
	end = strptime((const char *)pub, "%Y-%m-%d", &tm);
	if (end != NULL)
		t = timegm(&tm);
	xmlFree(pub);
	return t;
}

char *
doc_book_id(const struct doc *d)
{
	xmlChar	*id;
	char	*s;

	id = xmlGetNsProp(xmlDocGetRootElement(d->xml), BAD_CAST "id",
	    BAD_CAST "http://www.w3.org/XML/1998/namespace");
	if (id == NULL || *id == '\0' ||
	    strspn((char *)id, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") != strlen((char *)id)) {
		xmlFree(id);
		return xstrdup("book");
	}
	s = xstrdup((char *)id);
	xmlFree(id);
	return s;
}
