/*
 * gentext.c: reading gentext.xml (see gentext.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "base/data.h"
#include "base/mem.h"
#include "base/msg.h"
#include "doc/gentext.h"

struct	word {
	char	*lang, *key, *text;
};

struct	gentext {
	struct word	*v;
	size_t		 n;
};

struct gentext *
gentext_load(void)
{
	struct gentext	*g;
	xmlDocPtr	 x;
	xmlNodePtr	 root;
	char		*path;

	if ((path = data_find("xslt/gentext.xml")) == NULL) {
		msg(MSG_DATAFILE, NULL, 0, 0, "xslt/gentext.xml");
		return NULL;
	}
	x = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (x == NULL || (root = xmlDocGetRootElement(x)) == NULL) {
		msg(MSG_DATAFILE, NULL, 0, 0, path);
		xmlFreeDoc(x);
		free(path);
		return NULL;
	}
	free(path);
	g = xcalloc(1, sizeof(*g));
	for (xmlNodePtr l = root->children; l != NULL; l = l->next) {
		xmlChar	*tag;

		if (l->type != XML_ELEMENT_NODE ||
		    (tag = xmlGetProp(l, BAD_CAST "tag")) == NULL)
			continue;
		for (xmlNodePtr t = l->children; t != NULL; t = t->next) {
			xmlChar	*k, *text;

			if (t->type != XML_ELEMENT_NODE ||
			    (k = xmlGetProp(t, BAD_CAST "k")) == NULL)
				continue;
			text = xmlNodeGetContent(t);
			g->v = xreallocarray(g->v, g->n + 1, sizeof(*g->v));
			g->v[g->n].lang = xstrdup((char *)tag);
			g->v[g->n].key = xstrdup((char *)k);
			g->v[g->n].text = xstrdup(text == NULL ? "" :
			    (char *)text);
			g->n++;
			xmlFree(k);
			xmlFree(text);
		}
		xmlFree(tag);
	}
	xmlFreeDoc(x);
	return g;
}

void
gentext_free(struct gentext *g)
{
	if (g == NULL)
		return;
	for (size_t i = 0; i < g->n; i++) {
		free(g->v[i].lang);
		free(g->v[i].key);
		free(g->v[i].text);
	}
	free(g->v);
	free(g);
}

const char *
gentext(struct gentext *g, const char *lang, const char *key)
{
	const char	*en = NULL;

	for (size_t i = 0; g != NULL && i < g->n; i++) {
		if (strcmp(g->v[i].key, key) != 0)
			continue;
		if (strcmp(g->v[i].lang, lang) == 0)
			return g->v[i].text;
		if (strcmp(g->v[i].lang, "en") == 0)
			en = g->v[i].text;
	}
	return en != NULL ? en : key;
}
