/*
 * xslt.c: stylesheets through libxslt (see xslt.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/msg.h"
#include "render/xslt.h"

#define MAXDOCS		8

/* A document a stylesheet reads with document(), parsed once. */
struct	xdoc {
	char		*uri;
	xmlDocPtr	 doc;
};

struct	xsl {
	xsltStylesheetPtr	 style;
	char			*path;
	struct xdoc		 docs[MAXDOCS];
	size_t			 ndocs;
};

/* The stylesheet being applied, for the document loader. */
static struct xsl		*applying;
static xsltDocLoaderFunc	 default_loader;

static xsltSecurityPrefsPtr	 prefs;

struct	xerr {
	const char	*path;		/* the stylesheet */
	struct buf	 text;		/* the line being put together */
	char		*file;		/* where libxslt said the next */
	int		 line;		/*  message belongs, or NULL */
};

static void
xerr_say(struct xerr *e, const char *file, int line, char *t)
{
	size_t	 n;

	for (n = strlen(t); n > 0 && (t[n - 1] == '\n' || t[n - 1] == ' ');)
		t[--n] = '\0';
	for (char *c = t; *c != '\0'; c++)
		if (*c == '\n')
			*c = ' ';
	/* libxml2's bare "error" closes a message already given. */
	if (n == 0 || strcmp(t, "error") == 0)
		return;
	if (e->file != NULL) {
		file = e->file;
		line = e->line;
	}
	msg(MSG_XSLT, file, line, 0, t);
	free(e->file);
	e->file = NULL;
}

/*
 * libxslt's messages come in pieces, one line each.  "runtime error:
 * file F line N element E" (or "compilation error: ...") says where
 * the next line belongs: the two make one diagnostic at F:N.
 */
static void
xerr_flush(struct xerr *e)
{
	char	*t, file[4096];
	int	 line;

	if ((t = buf_detach(&e->text)) == NULL)
		return;
	if ((sscanf(t, "runtime error: file %4095s line %d", file,
	    &line) == 2 || sscanf(t, "compilation error: file %4095s line %d",
	    file, &line) == 2) && strstr(t, " element ") != NULL) {
		free(e->file);
		e->file = xstrdup(file);
		e->line = line;
	} else
		xerr_say(e, e->path, 0, t);
	free(t);
}

/* The format comes from libxml2 and libxslt (clang's -Wformat=2). */
static void	xerr_generic(void *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
xerr_generic(void *arg, const char *fmt, ...)
{
	struct xerr	*e = arg;
	va_list		 ap;

	va_start(ap, fmt);
	buf_vaddf(&e->text, fmt, ap);
	va_end(ap);
	if (e->text.len > 0 && e->text.data[e->text.len - 1] == '\n')
		xerr_flush(e);
}

/* libxml2's errors (reading the stylesheet, document()) have a place. */
static void
xerr_structured(void *arg, xmlErrorPtr err)
{
	struct xerr	*e = arg;
	char		*t;

	if (err == NULL || err->message == NULL)
		return;
	t = xstrdup(err->message);
	xerr_say(e, err->file != NULL ? err->file : e->path, err->line, t);
	free(t);
}

static void
xerr_done(struct xerr *e)
{
	xerr_flush(e);
	buf_free(&e->text);
	free(e->file);
}

/* Files may be read; nothing may be written or fetched. */
static xsltSecurityPrefsPtr
security(void)
{
	if (prefs != NULL)
		return prefs;
	prefs = xsltNewSecurityPrefs();
	if (prefs == NULL)
		mem_fail(0);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK,
	    xsltSecurityForbid);
	xsltSetDefaultSecurityPrefs(prefs);
	return prefs;
}

/*
 * document() once per stylesheet: every page is a transformation of its
 * own, and each read and parsed gentext.xml again (a tenth of the time
 * of an HTML edition).  The first load goes through libxslt's loader,
 * with its security checks; that document is kept and given to every
 * later transformation, which reads it and must not free it (see
 * keep_docs()).
 */
static xmlDocPtr
doc_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
    xsltLoadType type)
{
	struct xsl	*x = applying;
	xmlDocPtr	 doc;

	if (type != XSLT_LOAD_DOCUMENT || x == NULL)
		return default_loader(uri, dict, options, ctxt, type);
	for (size_t i = 0; i < x->ndocs; i++)
		if (strcmp(x->docs[i].uri, (const char *)uri) == 0)
			return x->docs[i].doc;
	doc = default_loader(uri, dict, options, ctxt, type);
	if (doc != NULL && x->ndocs < MAXDOCS) {
		x->docs[x->ndocs].doc = doc;
		x->docs[x->ndocs++].uri = xstrdup((const char *)uri);
	}
	return doc;
}

/*
 * Before a transformation context is freed: the documents it has from
 * the loader that the stylesheet keeps are marked as the context's main
 * document, which libxslt does not free.
 */
static void
keep_docs(struct xsl *x, xsltTransformContextPtr ctxt)
{
	for (xsltDocumentPtr d = ctxt->docList; d != NULL; d = d->next)
		for (size_t i = 0; i < x->ndocs; i++)
			if (d->doc == x->docs[i].doc)
				d->main = 1;
}

struct xsl *
xsl_load(const char *path)
{
	struct xsl	*x;
	struct xerr	 e = { path, { 0 }, NULL, 0 };
	xmlExternalEntityLoader old;

	security();
	xsltSetGenericErrorFunc(&e, xerr_generic);
	xmlSetGenericErrorFunc(&e, xerr_generic);
	xmlSetStructuredErrorFunc(&e, xerr_structured);
	old = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
	x = xcalloc(1, sizeof(*x));
	x->path = xstrdup(path);
	x->style = xsltParseStylesheetFile((const xmlChar *)path);
	xmlSetExternalEntityLoader(old);
	xerr_done(&e);
	xsltSetGenericErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (x->style == NULL || x->style->errors > 0) {
		msg(MSG_XSLT_LOAD, path, 0, 0);
		xsl_free(x);
		return NULL;
	}
	return x;
}

void
xsl_free(struct xsl *x)
{
	if (x == NULL)
		return;
	if (x->style != NULL)
		xsltFreeStylesheet(x->style);
	for (size_t i = 0; i < x->ndocs; i++) {
		free(x->docs[i].uri);
		xmlFreeDoc(x->docs[i].doc);
	}
	free(x->path);
	free(x);
}

xmlDocPtr
xsl_apply(struct xsl *x, xmlDocPtr doc, const char **params)
{
	xsltTransformContextPtr	 ctxt;
	struct xerr		 e = { x->path, { 0 }, NULL, 0 };
	xmlDocPtr		 res;
	xmlExternalEntityLoader	 old;
	int			 failed;

	xsltSetGenericErrorFunc(&e, xerr_generic);
	xmlSetGenericErrorFunc(&e, xerr_generic);
	xmlSetStructuredErrorFunc(&e, xerr_structured);
	old = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
	if (default_loader == NULL) {
		default_loader = xsltDocDefaultLoader;
		xsltSetLoaderFunc(doc_loader);
	}
	applying = x;
	if ((ctxt = xsltNewTransformContext(x->style, doc)) == NULL)
		mem_fail(0);
	xsltSetCtxtSecurityPrefs(security(), ctxt);
	/* Values are strings: a parameter can never be an expression. */
	if (params != NULL && xsltQuoteUserParams(ctxt, params) != 0)
		ctxt->state = XSLT_STATE_ERROR;
	res = ctxt->state == XSLT_STATE_OK ?
	    xsltApplyStylesheetUser(x->style, doc, NULL, NULL, NULL, ctxt) :
	    NULL;
	failed = ctxt->state != XSLT_STATE_OK || res == NULL;
	keep_docs(x, ctxt);
	xsltFreeTransformContext(ctxt);
	applying = NULL;
	xmlSetExternalEntityLoader(old);
	xerr_done(&e);
	xsltSetGenericErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (failed) {
		if (res != NULL)
			xmlFreeDoc(res);
		msg(MSG_XSLT_FAILED, x->path, 0, 0);
		return NULL;
	}
	return res;
}
