/*
 * its.c: evaluation of ITS 2.0 translate, withinText, preserveSpace and
 * locNote (see its.h).  What is found for a node is kept in a small
 * record hung on the node's _private pointer.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "base/data.h"
#include "base/mem.h"
#include "base/msg.h"
#include "doc/doc.h"
#include "i18n/its.h"

#define XML_NS	"http://www.w3.org/XML/1998/namespace"

struct	itsinfo {
	signed char	 translate;	/* -1 unset, 0 no, 1 yes */
	signed char	 within;	/* -1 unset, else enum its_within */
	signed char	 preserve;	/* -1 unset, 0 default, 1 preserve */
	char		*note;		/* locNote, or NULL */
};

struct	its {
	struct itsinfo	**infos;	/* every record, to free them */
	size_t		  ninfos;
	size_t		  cap;
	xmlDocPtr	  doc;
};

static struct itsinfo *
info_get(struct its *its, xmlNodePtr n)
{
	struct itsinfo	*ii;

	if (n->_private != NULL)
		return n->_private;
	ii = xmalloc(sizeof(*ii));
	ii->translate = ii->within = ii->preserve = -1;
	ii->note = NULL;
	if (its->ninfos == its->cap) {
		its->cap = its->cap == 0 ? 256 : its->cap * 2;
		its->infos = xreallocarray(its->infos, its->cap,
		    sizeof(*its->infos));
	}
	its->infos[its->ninfos++] = ii;
	n->_private = ii;
	return ii;
}

static int
is_its(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, DOC_NS_ITS) == 0 &&
	    (name == NULL || strcmp((const char *)n->name, name) == 0);
}

/* The note of a locNoteRule: its:locNote child or locNote attribute. */
static char *
rule_note(xmlNodePtr rule)
{
	xmlNodePtr	 c;
	xmlChar		*s;
	char		*note;

	for (c = rule->children; c != NULL; c = c->next)
		if (is_its(c, "locNote")) {
			s = xmlNodeGetContent(c);
			note = xstrdup(s == NULL ? "" : (const char *)s);
			xmlFree(s);
			return note;
		}
	return NULL;
}

/* A rule's value on one element. */
static void
rule_set(struct its *its, xmlNodePtr n, const char *name, int v,
    const char *note)
{
	struct itsinfo	*ii;

	if (n->type != XML_ELEMENT_NODE)
		return;
	ii = info_get(its, n);
	if (strcmp(name, "translateRule") == 0)
		ii->translate = (signed char)v;
	else if (strcmp(name, "withinTextRule") == 0)
		ii->within = (signed char)v;
	else if (strcmp(name, "preserveSpaceRule") == 0)
		ii->preserve = (signed char)v;
	else {
		free(ii->note);
		ii->note = xstrdup(note);
	}
}

#define MAXNAMES	64

/*
 * Most selectors are element names: "//db:para | //db:title".  Those
 * are matched in one walk of the document instead of one XPath
 * descendant search per name; 1 if the selector was one of them.
 */
static int
apply_names(struct its *its, xmlNodePtr rule, const char *sel,
    const char *name, int v, const char *note)
{
	const char	*uri[MAXNAMES];
	char		*local[MAXNAMES], *copy, *alt, *save = NULL;
	size_t		 n = 0, k;
	int		 ok = 1;
	xmlNodePtr	 top, e;

	copy = xstrdup(sel);
	for (alt = strtok_r(copy, "|", &save); alt != NULL && ok;
	    alt = strtok_r(NULL, "|", &save)) {
		char	*colon, *end;
		xmlNsPtr ns;

		while (*alt == ' ' || *alt == '\t' || *alt == '\n')
			alt++;
		for (end = alt + strlen(alt); end > alt && (end[-1] == ' ' ||
		    end[-1] == '\t' || end[-1] == '\n'); )
			*--end = '\0';
		if (strncmp(alt, "//", 2) != 0 || n == MAXNAMES) {
			ok = 0;
			break;
		}
		alt += 2;
		colon = strchr(alt, ':');
		for (char *c = colon != NULL ? colon + 1 : alt; *c != '\0'; c++)
			if (!((*c >= 'a' && *c <= 'z') ||
			    (*c >= 'A' && *c <= 'Z') ||
			    (*c >= '0' && *c <= '9') || *c == '-' || *c == '_'))
				ok = 0;
		if (!ok || (colon != NULL && colon == alt))
			break;
		if (colon != NULL) {
			*colon = '\0';
			if ((ns = xmlSearchNs(rule->doc, rule,
			    BAD_CAST alt)) == NULL) {
				ok = 0;
				break;
			}
			uri[n] = (const char *)ns->href;
			local[n++] = colon + 1;
		} else {
			uri[n] = NULL;
			local[n++] = alt;
		}
	}
	if (ok && n > 0) {
		top = xmlDocGetRootElement(its->doc);
		for (e = top; e != NULL; e = doc_next(e, top)) {
			if (e->type != XML_ELEMENT_NODE)
				continue;
			for (k = 0; k < n; k++)
				if (e->name[0] == (xmlChar)local[k][0] &&
				    strcmp((const char *)e->name,
				    local[k]) == 0 && (uri[k] == NULL ?
				    e->ns == NULL : e->ns != NULL &&
				    strcmp((const char *)e->ns->href,
				    uri[k]) == 0))
					break;
			if (k < n)
				rule_set(its, e, name, v, note);
		}
	}
	free(copy);
	return ok && n > 0;
}

/* Apply one global rule to every element its selector matches. */
static void
apply_rule(struct its *its, xmlXPathContextPtr xp, xmlNodePtr rule,
    const char *rulesfile)
{
	xmlXPathObjectPtr	 res;
	xmlNsPtr		*nsl;
	xmlChar			*sel, *val = NULL;
	const char		*name = (const char *)rule->name;
	char			*note = NULL;
	int			 v = -1;

	if ((sel = xmlGetNoNsProp(rule, BAD_CAST "selector")) == NULL)
		return;
	if (strcmp(name, "translateRule") == 0) {
		val = xmlGetNoNsProp(rule, BAD_CAST "translate");
		v = val != NULL && strcmp((char *)val, "no") == 0 ? 0 : 1;
	} else if (strcmp(name, "withinTextRule") == 0) {
		val = xmlGetNoNsProp(rule, BAD_CAST "withinText");
		v = val == NULL ? ITS_WITHIN_NO :
		    strcmp((char *)val, "yes") == 0 ? ITS_WITHIN_YES :
		    strcmp((char *)val, "nested") == 0 ? ITS_WITHIN_NESTED :
		    ITS_WITHIN_NO;
	} else if (strcmp(name, "preserveSpaceRule") == 0) {
		val = xmlGetNoNsProp(rule, BAD_CAST "space");
		v = val != NULL && strcmp((char *)val, "preserve") == 0;
	} else if (strcmp(name, "locNoteRule") == 0) {
		if ((note = rule_note(rule)) == NULL) {
			xmlFree(sel);
			return;
		}
	} else {
		xmlFree(sel);
		return;
	}

	if (apply_names(its, rule, (const char *)sel, name, v, note))
		goto done;
	/* The selector's prefixes are those in scope at the rule. */
	if ((nsl = xmlGetNsList(rule->doc, rule)) != NULL) {
		for (size_t i = 0; nsl[i] != NULL; i++)
			if (nsl[i]->prefix != NULL)
				xmlXPathRegisterNs(xp, nsl[i]->prefix,
				    nsl[i]->href);
		xmlFree(nsl);
	}
	res = xmlXPathEvalExpression(sel, xp);
	if (res == NULL) {
		msg(MSG_ITS_SELECTOR, rulesfile, (int)xmlGetLineNo(rule), 0,
		    (const char *)sel);
	} else if (res->type == XPATH_NODESET && res->nodesetval != NULL) {
		for (int i = 0; i < res->nodesetval->nodeNr; i++)
			rule_set(its, res->nodesetval->nodeTab[i], name, v,
			    note);
	}
	xmlXPathFreeObject(res);
done:
	free(note);
	xmlFree(val);
	xmlFree(sel);
}

/* Local attributes override the global rules. */
static void
apply_local(struct its *its)
{
	xmlNodePtr	 n, top;

	top = xmlDocGetRootElement(its->doc);
	for (n = top; n != NULL; n = doc_next(n, top)) {
		struct itsinfo	*ii;
		xmlChar		*v;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((v = xmlGetNsProp(n, BAD_CAST "translate",
		    BAD_CAST DOC_NS_ITS)) != NULL) {
			info_get(its, n)->translate =
			    strcmp((char *)v, "no") == 0 ? 0 : 1;
			xmlFree(v);
		}
		if ((v = xmlGetNsProp(n, BAD_CAST "withinText",
		    BAD_CAST DOC_NS_ITS)) != NULL) {
			info_get(its, n)->within =
			    strcmp((char *)v, "yes") == 0 ? ITS_WITHIN_YES :
			    strcmp((char *)v, "nested") == 0 ?
			    ITS_WITHIN_NESTED : ITS_WITHIN_NO;
			xmlFree(v);
		}
		if ((v = xmlGetNsProp(n, BAD_CAST "locNote",
		    BAD_CAST DOC_NS_ITS)) != NULL) {
			ii = info_get(its, n);
			free(ii->note);
			ii->note = xstrdup((char *)v);
			xmlFree(v);
		}
		if ((v = xmlGetNsProp(n, BAD_CAST "space",
		    BAD_CAST XML_NS)) != NULL) {
			info_get(its, n)->preserve =
			    strcmp((char *)v, "preserve") == 0;
			xmlFree(v);
		}
	}
}

struct its *
its_apply(const struct doc *d, const char *rules)
{
	struct its		*its;
	xmlDocPtr		 rdoc;
	xmlXPathContextPtr	 xp;
	xmlNodePtr		 root, r;

	its = xcalloc(1, sizeof(*its));
	its->doc = d->xml;
	rdoc = xmlReadFile(rules, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	if (rdoc == NULL || (root = xmlDocGetRootElement(rdoc)) == NULL ||
	    !is_its(root, "rules")) {
		msg(MSG_ITS_RULES, rules, 0, 0);
		if (rdoc != NULL)
			xmlFreeDoc(rdoc);
		its_free(its);
		return NULL;
	}
	xp = xmlXPathNewContext(d->xml);
	for (r = root->children; r != NULL; r = r->next)
		if (is_its(r, NULL))
			apply_rule(its, xp, r, rules);
	xmlXPathFreeContext(xp);
	xmlFreeDoc(rdoc);
	apply_local(its);
	return its;
}

void
its_forget(struct its *its, xmlNodePtr n)
{
	xmlNodePtr	 c;

	for (c = n; c != NULL; c = doc_next(c, n))
		c->_private = NULL;
}

void
its_free(struct its *its)
{
	xmlNodePtr	 n, top;

	if (its == NULL)
		return;
	if (its->doc != NULL && (top = xmlDocGetRootElement(its->doc)) != NULL)
		for (n = top; n != NULL; n = doc_next(n, top))
			n->_private = NULL;
	for (size_t i = 0; i < its->ninfos; i++) {
		free(its->infos[i]->note);
		free(its->infos[i]);
	}
	free(its->infos);
	free(its);
}

/* translate inherits from the nearest ancestor that sets it. */
int
its_translate(const struct its *its, xmlNodePtr n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
		const struct itsinfo *ii = n->_private;

		if (ii != NULL && ii->translate != -1)
			return ii->translate;
	}
	return 1;
}

/* withinText does not inherit. */
enum its_within
its_within(const struct its *its, xmlNodePtr n)
{
	const struct itsinfo *ii = n->_private;

	return ii != NULL && ii->within != -1 ? ii->within : ITS_WITHIN_NO;
}

/* preserveSpace inherits, like xml:space. */
int
its_preserve(const struct its *its, xmlNodePtr n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
		const struct itsinfo *ii = n->_private;

		if (ii != NULL && ii->preserve != -1)
			return ii->preserve;
	}
	return 0;
}

/* locNote applies to the element's content: the nearest one wins. */
const char *
its_note(const struct its *its, xmlNodePtr n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
		const struct itsinfo *ii = n->_private;

		if (ii != NULL && ii->note != NULL)
			return ii->note;
	}
	return NULL;
}

/*
 * The rules for a document: the given file, or the installed DocBook
 * rules for its version.
 */
struct its *
its_for(const struct doc *d, const char *rules)
{
	struct its	*its;
	char		*found;
	const char	*name;

	if (rules != NULL)
		return its_apply(d, rules);
	name = d->version == 4 ? "its/docbook4.its" : "its/docbook5.its";
	if ((found = data_find(name)) == NULL) {
		msg(MSG_DATAFILE, NULL, 0, 0, name);
		return NULL;
	}
	its = its_apply(d, found);
	free(found);
	return its;
}
