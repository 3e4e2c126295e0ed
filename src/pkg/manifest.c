/*
 * manifest.c: reading and checking dist/authorities.xml (manifest.h).
 *
 * The schema checks the shape; this file checks what a schema cannot,
 * and checks the ids again itself, because an id becomes a directory
 * and a file name under the output folder.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/data.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "doc/doc.h"
#include "pkg/manifest.h"

#define MANIFEST_NS	"urn:x-opas:authorities"

static const char *const format_names[FORMAT__MAX] = {
	"html", "epub", "pdf", "print"
};

/* The types that hand out the guide by law (Integration Act). */
static const char *const statutory_types[] = {
	"migri-head-office", "migri-service-point", "dvv-service-point",
	"embassy", NULL
};

const char *
format_name(enum format f)
{
	return format_names[f];
}

int
manifest_id_ok(const char *id)
{
	size_t	 len = strlen(id);

	if (len == 0 || len > 48 || id[0] == '-' || id[len - 1] == '-')
		return 0;
	for (const char *p = id; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    (*p == '-' && p[1] != '-')))
			return 0;
	return 1;
}

static int
is_elem(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, MANIFEST_NS) == 0 &&
	    strcmp((const char *)n->name, name) == 0;
}

static char *
prop(xmlNodePtr n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, (const xmlChar *)name);
	char	*s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

static char *
text(xmlNodePtr n)
{
	xmlChar	*v = xmlNodeGetContent(n);
	char	*s = xstrdup(v == NULL ? "" : (const char *)v);

	xmlFree(v);
	return s;
}

struct	reader {
	struct manifest		 *m;
	const struct lang *const *avail;
	size_t			  navail;
	int			  errors;
};

static const struct lang *
edition_lang(struct reader *r, const char *tag, int line)
{
	const struct lang	*l;

	if ((l = lang_find(tag)) == NULL || strcmp(l->tag, tag) != 0) {
		msg(MSG_LANG_UNKNOWN, r->m->path, line, 0, tag);
		r->errors++;
		return NULL;
	}
	if (r->avail == NULL)
		return l;
	for (size_t i = 0; i < r->navail; i++)
		if (r->avail[i] == l)
			return l;
	msg(MSG_DIST_NO_EDITION, r->m->path, line, 0, l->english, tag);
	r->errors++;
	return NULL;
}

static void
add_edition(struct reader *r, struct authority *a, const struct lang *l,
    enum format f, unsigned long copies, int line)
{
	for (size_t i = 0; i < a->ned; i++)
		if (a->ed[i].lang == l && a->ed[i].format == f) {
			msg(MSG_DIST_DUP_EDITION, r->m->path, line, 0,
			    l->tag, format_names[f], r->m->path,
			    a->ed[i].line);
			r->errors++;
			return;
		}
	a->ed = xreallocarray(a->ed, a->ned + 1, sizeof(*a->ed));
	a->ed[a->ned].lang = l;
	a->ed[a->ned].format = f;
	a->ed[a->ned].copies = copies;
	a->ed[a->ned].line = line;
	a->ned++;
}

static void
read_receive(struct reader *r, struct authority *a, xmlNodePtr n)
{
	char	*langs = prop(n, "languages"), *fmts = prop(n, "formats");
	char	*lp, *fp, *l, *f, *ls = NULL, *fs = NULL;
	int	 line = (int)xmlGetLineNo(n);

	for (l = strtok_r(langs, " \t\n", &lp); l != NULL;
	    l = strtok_r(NULL, " \t\n", &lp)) {
		const struct lang *lg = edition_lang(r, l, line);

		free(fs);
		fs = xstrdup(fmts);
		for (f = strtok_r(fs, " \t\n", &fp); lg != NULL && f != NULL;
		    f = strtok_r(NULL, " \t\n", &fp))
			for (int i = 0; i < FORMAT_PRINT; i++)
				if (strcmp(f, format_names[i]) == 0)
					add_edition(r, a, lg, (enum format)i,
					    0, line);
	}
	free(fs);
	free(ls);
	free(langs);
	free(fmts);
}

static void
read_print(struct reader *r, struct authority *a, xmlNodePtr n)
{
	char			*tag = prop(n, "language");
	char			*copies = prop(n, "copies");
	const struct lang	*l;
	int			 line = (int)xmlGetLineNo(n);

	if (!a->statutory) {
		msg(MSG_DIST_PRINT, r->m->path, line, 0, a->id, a->type);
		r->errors++;
	} else if ((l = edition_lang(r, tag, line)) != NULL)
		add_edition(r, a, l, FORMAT_PRINT, strtoul(copies, NULL, 10),
		    line);
	free(tag);
	free(copies);
}

static void
read_authority(struct reader *r, xmlNodePtr n)
{
	struct authority	*a;
	xmlNodePtr		 c;

	r->m->v = xreallocarray(r->m->v, r->m->n + 1, sizeof(*r->m->v));
	a = &r->m->v[r->m->n++];
	memset(a, 0, sizeof(*a));
	a->line = (int)xmlGetLineNo(n);
	a->id = prop(n, "id");
	a->type = prop(n, "type");
	a->municipality = prop(n, "municipality");
	a->country = prop(n, "country");
	for (size_t i = 0; statutory_types[i] != NULL; i++)
		if (strcmp(a->type, statutory_types[i]) == 0)
			a->statutory = 1;
	if (!manifest_id_ok(a->id)) {
		msg(MSG_DIST_ID, r->m->path, a->line, 0, a->id);
		r->errors++;
	}
	for (size_t i = 0; i + 1 < r->m->n; i++)
		if (strcmp(r->m->v[i].id, a->id) == 0) {
			msg(MSG_DIST_DUP_ID, r->m->path, a->line, 0, a->id,
			    r->m->path, r->m->v[i].line);
			r->errors++;
			break;
		}
	for (c = n->children; c != NULL; c = c->next) {
		if (is_elem(c, "name")) {
			xmlChar	*lang = xmlNodeGetLang(c);
			char	**slot = NULL;

			if (lang == NULL)
				continue;
			if (strcmp((const char *)lang, "fi") == 0)
				slot = &a->name_fi;
			else if (strcmp((const char *)lang, "sv") == 0)
				slot = &a->name_sv;
			else if (strcmp((const char *)lang, "en") == 0)
				slot = &a->name_en;
			xmlFree(lang);
			if (slot != NULL && *slot == NULL)
				*slot = text(c);
		} else if (is_elem(c, "email") && a->email == NULL)
			a->email = text(c);
		else if (is_elem(c, "receive"))
			read_receive(r, a, c);
		else if (is_elem(c, "print"))
			read_print(r, a, c);
	}
}

struct manifest *
manifest_read(const char *path, const struct lang *const *avail,
    size_t navail)
{
	struct reader	 r = { NULL, avail, navail, 0 };
	struct doc	*d;
	char		*schema;
	xmlNodePtr	 root, n;

	if ((schema = data_find("schema/authorities.rng")) == NULL) {
		msg(MSG_DATAFILE, NULL, 0, 0, "schema/authorities.rng");
		return NULL;
	}
	if ((d = doc_read_plain(path)) == NULL) {
		free(schema);
		return NULL;
	}
	r.errors = doc_validate_as(d, schema, MSG_DIST_SCHEMA);
	free(schema);
	if (r.errors > 0) {
		doc_free(d);
		return NULL;
	}
	r.m = xcalloc(1, sizeof(*r.m));
	r.m->path = xstrdup(path);
	root = xmlDocGetRootElement(d->xml);
	for (n = root->children; n != NULL; n = n->next)
		if (is_elem(n, "authority"))
			read_authority(&r, n);
	doc_free(d);
	if (r.errors > 0) {
		manifest_free(r.m);
		return NULL;
	}
	return r.m;
}

void
manifest_free(struct manifest *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->n; i++) {
		struct authority *a = &m->v[i];

		free(a->id);
		free(a->type);
		free(a->municipality);
		free(a->country);
		free(a->name_fi);
		free(a->name_sv);
		free(a->name_en);
		free(a->email);
		free(a->ed);
	}
	free(m->v);
	free(m->path);
	free(m);
}
