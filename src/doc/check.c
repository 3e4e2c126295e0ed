/*
 * check.c: checks on a guide tree: the schema, ids and links, and the
 * element table.  Used by opas check and before every build.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/msg.h"
#include "doc/doc.h"
#include "doc/elem.h"

struct	valstate {
	const struct doc	*doc;
	int			 errors;
	enum msgid		 id;
};

static void
schema_error(void *arg, xmlErrorPtr e)
{
	struct valstate	*st = arg;
	struct buf	 text = { 0 };
	struct msgloc	 loc = { NULL, 0, 0 };
	char		*file = NULL;
	size_t		 n;

	if (e == NULL || e->level == XML_ERR_NONE)
		return;
	if (e->node != NULL && st->doc != NULL)
		doc_node_loc(st->doc, e->node, &loc, &file);
	else {
		loc.file = e->file;
		loc.line = e->line;
	}
	buf_adds(&text, e->message == NULL ? "invalid" : e->message);
	n = text.len;
	while (n > 0 && (text.data[n - 1] == '\n' || text.data[n - 1] == ' '))
		text.data[--n] = '\0';
	text.len = n;
	msg_at(st->id, &loc, buf_str(&text));
	st->errors++;
	buf_free(&text);
	free(file);
}

/*
 * libxml2 reports broken IDREFs through the old printf-style callbacks,
 * without a place; doc_check_links() reports them properly instead.
 */
static void
schema_silent(void *arg, const char *fmt, ...)
{
}

static void
idref_silent(void *arg, xmlErrorPtr e)
{
	if (e != NULL && e->domain == XML_FROM_VALID)
		return;
	schema_error(arg, e);
}

int
doc_validate(const struct doc *d, const char *schema)
{
	return doc_validate_as(d, schema, MSG_SCHEMA);
}

int
doc_validate_as(const struct doc *d, const char *schema, enum msgid id)
{
	xmlRelaxNGParserCtxtPtr	 pctxt;
	xmlRelaxNGPtr		 rng = NULL;
	xmlRelaxNGValidCtxtPtr	 vctxt = NULL;
	struct valstate		 st = { NULL, 0, id };

	/* Errors in the schema itself go to MSG_SCHEMA_LOAD only. */
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	pctxt = xmlRelaxNGNewParserCtxt(schema);
	if (pctxt != NULL) {
		xmlRelaxNGSetParserStructuredErrors(pctxt, schema_error, &st);
		rng = xmlRelaxNGParse(pctxt);
		xmlRelaxNGFreeParserCtxt(pctxt);
	}
	if (rng == NULL) {
		msg(MSG_SCHEMA_LOAD, schema, 0, 0, schema);
		return 1;
	}
	st.doc = d;
	st.errors = 0;
	vctxt = xmlRelaxNGNewValidCtxt(rng);
	xmlRelaxNGSetValidErrors(vctxt, schema_silent, schema_silent, &st);
	xmlRelaxNGSetValidStructuredErrors(vctxt, schema_error, &st);
	xmlSetStructuredErrorFunc(&st, idref_silent);
	(void)xmlRelaxNGValidateDoc(vctxt, d->xml);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlRelaxNGFreeValidCtxt(vctxt);
	xmlRelaxNGFree(rng);
	return st.errors;
}

/* The id of an element: xml:id, or id in DocBook 4. */
static xmlChar *
node_id(const struct doc *d, xmlNodePtr n)
{
	xmlChar	*id;

	if ((id = xmlGetNsProp(n, BAD_CAST "id", XML_XML_NAMESPACE)) != NULL)
		return id;
	if (d->version == 4)
		return xmlGetNoNsProp(n, BAD_CAST "id");
	return NULL;
}

struct	idpos {
	char	*file;
	int	 line;
};

static void
idpos_free(void *p, const xmlChar *name)
{
	struct idpos	*ip = p;

	free(ip->file);
	free(ip);
}

int
doc_check_links(const struct doc *d)
{
	static const char *const refattrs[] = { "linkend", "endterm", NULL };
	xmlHashTablePtr	 ids;
	xmlNodePtr	 n, top;
	int		 errors = 0;

	ids = xmlHashCreate(256);
	top = xmlDocGetRootElement(d->xml);
	for (n = top; n != NULL; n = doc_next(n, top)) {
		struct msgloc	 loc;
		struct idpos	*ip, *old;
		xmlChar		*id;
		char		*file;

		if (n->type != XML_ELEMENT_NODE ||
		    (id = node_id(d, n)) == NULL)
			continue;
		doc_node_loc(d, n, &loc, &file);
		if ((old = xmlHashLookup(ids, id)) != NULL) {
			msg_at(MSG_DUP_ID, &loc, (const char *)id,
			    old->file, old->line);
			errors++;
			free(file);
		} else {
			ip = xmalloc(sizeof(*ip));
			ip->file = file != NULL ? file : xstrdup(d->path);
			ip->line = loc.line;
			xmlHashAddEntry(ids, id, ip);
		}
		xmlFree(id);
	}
	for (n = top; n != NULL; n = doc_next(n, top)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (size_t i = 0; refattrs[i] != NULL; i++) {
			struct msgloc	 loc;
			xmlChar		*ref;
			char		*file;

			ref = xmlGetNoNsProp(n, BAD_CAST refattrs[i]);
			if (ref == NULL)
				continue;
			if (xmlHashLookup(ids, ref) == NULL) {
				doc_node_loc(d, n, &loc, &file);
				msg_at(MSG_BAD_LINKEND, &loc,
				    (const char *)ref);
				errors++;
				free(file);
			}
			xmlFree(ref);
		}
	}
	xmlHashFree(ids, idpos_free);
	return errors;
}

/*
 * Warn once per element name that is not part of the guide format.
 * Used for third-party books that the schema does not cover.
 */
int
doc_check_elements(const struct doc *d)
{
	xmlHashTablePtr	 seen;
	xmlNodePtr	 n, top;
	int		 warnings = 0;

	seen = xmlHashCreate(64);
	top = xmlDocGetRootElement(d->xml);
	for (n = top; n != NULL; n = doc_next(n, top)) {
		struct msgloc	 loc;
		char		*file;

		if (!doc_is_db(d, n) ||
		    elem_kind((const char *)n->name) != ELEM_NONE ||
		    xmlHashLookup(seen, n->name) != NULL)
			continue;
		xmlHashAddEntry(seen, n->name, (void *)1);
		doc_node_loc(d, n, &loc, &file);
		msg_at(MSG_UNKNOWN_ELEMENT, &loc, (const char *)n->name);
		warnings++;
		free(file);
	}
	xmlHashFree(seen, NULL);
	return warnings;
}
