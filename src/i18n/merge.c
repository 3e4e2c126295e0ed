/*
 * merge.c: the translated tree (see merge.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/hash.h>

#include "base/buf.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "doc/doc.h"
#include "i18n/extract.h"
#include "i18n/its.h"
#include "i18n/merge.h"
#include "i18n/po.h"
#include "i18n/seg.h"

#define XML_NS	"http://www.w3.org/XML/1998/namespace"

struct	mctx {
	const struct doc	*doc;
	const struct its	*its;
	const struct pocat	*po;
	xmlHashTablePtr		 ids;		/* xml:id of the source */
	xmlHashTablePtr		 inlines;	/* names used inline */
	xmlHashTablePtr		 trans;		/* key -> struct poent */
	xmlHashTablePtr		 exact;		/* by msgid as written */
};

static size_t	find_inlined(xmlNodePtr, const struct segmsg *, xmlNodePtr *);

static char *
key_of(const char *ctxt, const char *canon)
{
	return xasprintf("%s\004%s", ctxt == NULL ? "" : ctxt, canon);
}

/*
 * The ids of the source, and the names of the DocBook elements it uses
 * within text: a translation may use any of those, as the source shows
 * they belong in running text.
 */
static void
collect_ids(struct mctx *mc)
{
	xmlNodePtr	 n, top;

	mc->ids = xmlHashCreate(512);
	mc->inlines = xmlHashCreate(64);
	top = xmlDocGetRootElement(mc->doc->xml);
	for (n = top; n != NULL; n = doc_next(n, top)) {
		xmlChar *id;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (doc_is_db(mc->doc, n) &&
		    its_within(mc->its, n) == ITS_WITHIN_YES)
			xmlHashAddEntry(mc->inlines, n->name, (void *)1);
		id = xmlGetNsProp(n, BAD_CAST "id", BAD_CAST XML_NS);
		if (id == NULL && mc->doc->version == 4)
			id = xmlGetNoNsProp(n, BAD_CAST "id");
		if (id != NULL) {
			xmlHashAddEntry(mc->ids, id, (void *)1);
			xmlFree(id);
		}
	}
}

/* The usable translation of a message, or NULL. */
static const struct poent *
lookup(const struct mctx *mc, const char *ctxt, const char *id)
{
	const struct poent	*pe;
	char			*canon, *key;

	/* The catalogue's msgid as written, most often: no canonical form. */
	key = key_of(ctxt, id);
	pe = xmlHashLookup(mc->exact, BAD_CAST key);
	free(key);
	if (pe != NULL)
		return pe;
	canon = seg_canonical(mc->doc, id);
	key = key_of(ctxt, canon);
	pe = xmlHashLookup(mc->trans, BAD_CAST key);
	free(key);
	free(canon);
	return pe;
}

static void
collect_translations(struct mctx *mc)
{
	mc->trans = xmlHashCreate(1024);
	mc->exact = xmlHashCreate(1024);
	for (size_t i = 0; i < mc->po->nents; i++) {
		const struct poent	*e = &mc->po->ents[i];
		char			*canon, *key;

		if (!po_usable(e))
			continue;
		canon = seg_canonical(mc->doc, e->id);
		key = key_of(e->ctxt, canon);
		/* The first entry of a canonical form wins, written as any. */
		if (xmlHashAddEntry(mc->trans, BAD_CAST key, (void *)e) == 0) {
			free(key);
			key = key_of(e->ctxt, e->id);
			xmlHashAddEntry(mc->exact, BAD_CAST key, (void *)e);
		}
		free(key);
		free(canon);
	}
}

/*
 * Whether a translated link may point there: an http, https, mailto or
 * tel address.  Only the scheme is read, so that IRIs with non-ASCII
 * characters (localised addresses) pass.
 */
static int
href_allowed(const xmlChar *href)
{
	static const char *const ok[] = { "http", "https", "mailto", "tel",
	    NULL };
	const char	*s = (const char *)href, *colon;
	size_t		 n;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if ((colon = strchr(s, ':')) == NULL)
		return 0;
	n = (size_t)(colon - s);
	for (size_t i = 0; ok[i] != NULL; i++)
		if (strlen(ok[i]) == n && strncasecmp(s, ok[i], n) == 0)
			return 1;
	return 0;
}

/* Whether a no-namespace attribute carries behaviour: on*, style. */
static int
attr_behaviour(const xmlChar *name)
{
	return strncmp((const char *)name, "on", 2) == 0 ||
	    strcmp((const char *)name, "style") == 0;
}

/* Whether a space-separated list of names holds name exactly. */
static int
has_name(const char *list, const char *name)
{
	size_t	 n = strlen(name);

	for (const char *s = list; (s = strstr(s, name)) != NULL; s++)
		if (s > list && s[-1] == ' ' && s[n] == ' ')
			return 1;
	return 0;
}

struct	srcinfo {
	char	*names;		/* " name name " */
	char	*linkends;	/* " id id " */
};

/*
 * Check a parsed translation and clean its attributes.  Returns 0 when
 * it may be used; otherwise reports at the PO line and returns -1.
 */
static int
check_translation(struct mctx *mc, const struct poent *pe, xmlNodePtr list,
    const struct segmsg *m, const struct srcinfo *src, int *seen)
{
	struct msgloc	 loc = { pe->file, pe->line, 0 };
	xmlNodePtr	 n;

	for (xmlNodePtr top = list; top != NULL; top = top->next)
	for (n = top; n != NULL; n = doc_next(n, top)) {
		xmlAttrPtr	 a, next;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns != NULL && strcmp((const char *)n->ns->href,
		    SEG_NS_PH) == 0) {
			const char	*name = (const char *)n->name;
			const char	*dash = strrchr(name, '-');
			size_t		 num;

			num = dash == NULL ? 0 : strtoul(dash + 1, NULL, 10);
			if (num == 0 || num > m->nph || strncmp(name,
			    (const char *)m->ph[num - 1]->name,
			    (size_t)(dash - name)) != 0 ||
			    m->ph[num - 1]->name[dash - name] != '\0') {
				msg_at(MSG_TR_PH_UNKNOWN, &loc, name);
				return -1;
			}
			/*
			 * A placeholder stands for a whole nested block and is
			 * replaced by it: whatever it held would be lost, and
			 * a placeholder or index term inside it would be freed
			 * with it while replace_content() still uses it.
			 */
			if (n->children != NULL) {
				msg_at(MSG_TR_PH_CONTENT, &loc, name);
				return -1;
			}
			if (seen[num - 1]++) {
				msg_at(MSG_TR_PH_TWICE, &loc, name);
				return -1;
			}
			continue;
		}
		if (!doc_is_db(mc->doc, n) ||
		    (xmlHashLookup(mc->inlines, n->name) == NULL &&
		    !has_name(src->names, (const char *)n->name))) {
			msg_at(MSG_TR_ELEMENT, &loc, (const char *)n->name);
			return -1;
		}
		for (a = n->properties; a != NULL; a = next) {
			const char	*ns;
			xmlChar		*v;

			next = a->next;
			ns = a->ns == NULL ? NULL : (const char *)a->ns->href;
			v = xmlNodeListGetString(n->doc, a->children, 1);
			if ((ns == NULL && strcmp((char *)a->name,
			    "linkend") == 0) && v != NULL &&
			    xmlHashLookup(mc->ids, v) == NULL &&
			    !has_name(src->linkends, (char *)v)) {
				msg_at(MSG_TR_LINKEND, &loc, (char *)v);
				xmlFree(v);
				return -1;
			}
			if (((ns != NULL && strcmp(ns, DOC_NS_XLINK) == 0 &&
			    strcmp((char *)a->name, "href") == 0) ||
			    (ns == NULL && strcmp((char *)a->name, "url") ==
			    0)) && (v == NULL || !href_allowed(v))) {
				msg_at(MSG_TR_HREF, &loc, v == NULL ? "" :
				    (char *)v);
				xmlFree(v);
				return -1;
			}
			xmlFree(v);
			if ((ns == NULL && !attr_behaviour(a->name)) ||
			    (ns != NULL && (strcmp(ns, DOC_NS_XLINK) == 0 ||
			    strcmp(ns, DOC_NS_ITS) == 0 ||
			    (strcmp(ns, XML_NS) == 0 &&
			    strcmp((char *)a->name, "id") != 0))))
				continue;
			msg_at(MSG_TR_ATTR, &loc, (const char *)a->name);
			xmlRemoveProp(a);
		}
	}
	for (size_t i = 0; i < m->nph; i++)
		if (seen[i] == 0) {
			msg_at(MSG_TR_PH_MISSING, &loc,
			    (const char *)m->ph[i]->name, i + 1);
			return -1;
		}
	if (m->ninl > 0) {
		xmlNodePtr	*v;
		size_t		 ntr;
		int		 ok;

		/* Index terms in full (Publican): the same, in order. */
		v = xcalloc(m->ninl, sizeof(*v));
		ntr = find_inlined(list, m, v);
		ok = ntr == m->ninl;
		for (size_t i = 0; ok && i < m->ninl; i++)
			ok = xmlStrEqual(v[i]->name, m->inl[i]->name);
		free(v);
		if (!ok) {
			msg_at(MSG_TR_INLINE_COUNT, &loc, ntr, m->ninl,
			    (const char *)m->inl[0]->name);
			return -1;
		}
	}
	return 0;
}

/* The node after n's subtree inside top, or NULL. */
static xmlNodePtr
skip_subtree(xmlNodePtr n, xmlNodePtr top)
{
	while (n != top && n->next == NULL)
		n = n->parent;
	return n == top ? NULL : n->next;
}

static int
is_inl(const struct segmsg *m, xmlNodePtr n)
{
	for (size_t i = 0; i < m->ninl; i++)
		if (xmlStrEqual(m->inl[i]->name, n->name) &&
		    (m->inl[i]->ns == NULL) == (n->ns == NULL))
			return 1;
	return 0;
}

/*
 * The elements of a translation that stand for the nested blocks the
 * message has in full (m->inl), in document order, not looking inside
 * them; the first m->ninl are stored into v.  Returns how many there
 * are.
 */
static size_t
find_inlined(xmlNodePtr list, const struct segmsg *m, xmlNodePtr *v)
{
	size_t	 n = 0;

	for (xmlNodePtr top = list; m->ninl > 0 && top != NULL;
	    top = top->next) {
		xmlNodePtr c = top;

		while (c != NULL) {
			if (c->type == XML_ELEMENT_NODE && is_inl(m, c)) {
				if (n < m->ninl)
					v[n] = c;
				n++;
				c = skip_subtree(c, top);
				continue;
			}
			c = doc_next(c, top);
		}
	}
	return n;
}

static int
is_ph(const struct segmsg *m, xmlNodePtr n)
{
	for (size_t i = 0; i < m->nph; i++)
		if (m->ph[i] == n)
			return 1;
	return 0;
}

/*
 * The names of the elements in a message and the link targets it
 * names, space-separated: what a translation may keep even where the
 * rest of the source would not allow it (a link to a chapter left out
 * of this book).
 */
static void
source_info(xmlNodePtr block, const struct segmsg *m, struct srcinfo *src)
{
	struct buf	 names = { 0 }, links = { 0 };
	xmlNodePtr	 n;

	buf_addc(&names, ' ');
	buf_addc(&links, ' ');
	n = block->children;
	while (n != NULL) {
		xmlChar	*v;

		if (n->type == XML_ELEMENT_NODE && is_ph(m, n)) {
			n = skip_subtree(n, block);
			continue;
		}
		if (n->type == XML_ELEMENT_NODE) {
			buf_addf(&names, "%s ", (const char *)n->name);
			if ((v = xmlGetNoNsProp(n, BAD_CAST "linkend")) !=
			    NULL) {
				buf_addf(&links, "%s ", (const char *)v);
				xmlFree(v);
			}
		}
		n = doc_next(n, block);
	}
	src->names = buf_detach(&names);
	src->linkends = buf_detach(&links);
}

/* Put the translation in place of the block's content. */
static void
replace_content(struct its *its, xmlNodePtr block, xmlNodePtr list,
    const struct segmsg *m)
{
	xmlNodePtr	 c, next, *phs = NULL, *v = NULL;
	size_t		 nphs = 0;

	/*
	 * Find the placeholders, and the elements standing for nested
	 * blocks written in full, while the list is still on its own (the
	 * nested blocks put back may hold elements of the same name).
	 * check_translation() let only empty placeholders through, so
	 * none of these is inside another.
	 */
	if (m->ninl > 0) {
		v = xcalloc(m->ninl, sizeof(*v));
		find_inlined(list, m, v);
	}
	for (xmlNodePtr top = list; top != NULL; top = top->next)
		for (c = top; c != NULL; c = doc_next(c, top))
			if (c->type == XML_ELEMENT_NODE && c->ns != NULL &&
			    strcmp((const char *)c->ns->href, SEG_NS_PH) == 0) {
				phs = xreallocarray(phs, nphs + 1,
				    sizeof(*phs));
				phs[nphs++] = c;
			}
	for (size_t i = 0; i < m->nph; i++)
		xmlUnlinkNode(m->ph[i]);
	for (size_t i = 0; i < m->ninl; i++)
		xmlUnlinkNode(m->inl[i]);
	for (c = block->children; c != NULL; c = next) {
		next = c->next;
		its_forget(its, c);
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	for (c = list; c != NULL; c = next) {
		next = c->next;
		c->prev = c->next = NULL;
		c->parent = NULL;
		xmlAddChild(block, c);
	}
	/* Placeholders become the nested blocks again. */
	for (size_t i = 0; i < nphs; i++) {
		size_t num = strtoul(strrchr((const char *)phs[i]->name,
		    '-') + 1, NULL, 10);

		xmlReplaceNode(phs[i], m->ph[num - 1]);
		xmlFreeNode(phs[i]);
	}
	free(phs);
	/*
	 * Nested blocks the message had in full keep their node (later
	 * blocks point at it) and take the translated content.
	 */
	if (m->ninl > 0) {
		for (size_t i = 0; i < m->ninl; i++) {
			xmlNodePtr	 orig = m->inl[i];

			for (c = orig->children; c != NULL; c = next) {
				next = c->next;
				its_forget(its, c);
				xmlUnlinkNode(c);
				xmlFreeNode(c);
			}
			for (c = v[i]->children; c != NULL; c = next) {
				next = c->next;
				xmlUnlinkNode(c);
				xmlAddChild(orig, c);
			}
			xmlReplaceNode(v[i], orig);
			xmlFreeNode(v[i]);
		}
		free(v);
	}
}

/* Remove the temporary placeholder namespace from the block. */
static void
drop_ph_ns(xmlNodePtr block, xmlNsPtr ns)
{
	xmlNsPtr	*pp;

	for (pp = &block->nsDef; *pp != NULL; pp = &(*pp)->next)
		if (*pp == ns) {
			*pp = ns->next;
			ns->next = NULL;
			xmlFreeNs(ns);
			return;
		}
}

/* The language attribute: xml:lang, or lang in DocBook 4. */
static xmlChar *
get_lang(const struct doc *d, xmlNodePtr n)
{
	if (d->version == 4)
		return xmlGetNoNsProp(n, BAD_CAST "lang");
	return xmlGetNsProp(n, BAD_CAST "lang", BAD_CAST XML_NS);
}

static void
set_lang(const struct doc *d, xmlNodePtr n, const char *lang)
{
	xmlNsPtr	 xmlns;

	if (d->version == 4) {
		xmlSetProp(n, BAD_CAST "lang", BAD_CAST lang);
		return;
	}
	xmlns = xmlSearchNsByHref(d->xml, n, BAD_CAST XML_NS);
	xmlSetNsProp(n, xmlns, BAD_CAST "lang", BAD_CAST lang);
}

/*
 * Mark a block that keeps the source text, unless a block around it
 * (below the root, which still has the source language) is marked.
 */
static void
mark_fallback(const struct doc *d, const struct lang *l, xmlNodePtr block,
    const char *srclang)
{
	xmlNodePtr	 root = xmlDocGetRootElement(d->xml);

	for (xmlNodePtr p = block->parent; p != NULL && p != root &&
	    p->type == XML_ELEMENT_NODE; p = p->parent) {
		xmlChar	*v = get_lang(d, p);
		int	 same = v != NULL && xmlStrEqual(v, BAD_CAST srclang);

		xmlFree(v);
		if (same)
			return;
		if (v != NULL)
			break;
	}
	set_lang(d, block, srclang);
	if (l->dir == LANG_RTL)
		xmlSetProp(block, BAD_CAST "dir", BAD_CAST "ltr");
}

/*
 * merge_run(), with the catalogue either given or still being read: all
 * that needs none is done before waiting for it.  -1 if it could not be
 * read (reported).
 */
static int
merge_in(struct doc *d, struct its *its, const struct pocat *po,
    struct poasync *pa, const struct lang *l, struct mergestats *st,
    unsigned char **ents)
{
	struct pocat	*held = NULL;
	struct mctx	 mc;
	struct catalog	*cat;
	xmlNodePtr	*blocks, root;
	char		*done;
	unsigned char	*res;
	xmlChar		*srclang;
	size_t		 nblocks;

	memset(st, 0, sizeof(*st));
	memset(&mc, 0, sizeof(mc));
	mc.doc = d;
	mc.its = its;
	collect_ids(&mc);
	root = xmlDocGetRootElement(d->xml);
	srclang = get_lang(d, root);

	cat = extract_run(d, its);
	blocks = seg_collect(d, its, &nblocks);
	if (po == NULL && (po = held = po_read_wait(pa)) == NULL) {
		free(blocks);
		extract_free(cat);
		xmlFree(srclang);
		xmlHashFree(mc.ids, NULL);
		xmlHashFree(mc.inlines, NULL);
		return -1;
	}
	mc.po = po;
	collect_translations(&mc);
	done = xcalloc(nblocks + 1, 1);
	res = xcalloc(cat->nents + 1, 1);
	for (size_t i = 0; i < nblocks && i < cat->nblocks; i++) {
		const struct entry	*e;
		const struct poent	*pe;
		struct segmsg		 m;
		struct buf		 err = { 0 };
		xmlNodePtr		 list;
		xmlNsPtr		 phns;
		struct srcinfo		 src;
		int			*seen;

		if (cat->blockent[i] < 0 || done[i])
			continue;
		st->blocks++;
		e = &cat->ents[cat->blockent[i]];
		seg_build(its, blocks[i], &m);
		pe = lookup(&mc, e->ctxt, e->id);
		if (pe == NULL) {
			struct segmsg	 alt;

			/* Publican writes index terms in full. */
			seg_build_inlined(its, blocks[i], &alt);
			if (alt.ninl > 0 && (pe = lookup(&mc, e->ctxt,
			    buf_str(&alt.id))) != NULL) {
				seg_clear(&m);
				m = alt;
			} else
				seg_clear(&alt);
		}
		if (pe == NULL) {
			mark_fallback(d, l, blocks[i], srclang == NULL ? "en" :
			    (const char *)srclang);
			st->fallback++;
			seg_clear(&m);
			continue;
		}

		phns = xmlNewNs(blocks[i], BAD_CAST SEG_NS_PH, BAD_CAST "_");
		list = doc_parse_fragment(blocks[i], pe->str, &err);
		seen = xcalloc(m.nph + 1, sizeof(int));
		source_info(blocks[i], &m, &src);
		if (list == NULL) {
			struct msgloc loc = { pe->file, pe->line, 0 };

			msg_at(MSG_TR_XML, &loc, buf_str(&err));
		}
		if (list == NULL ||
		    check_translation(&mc, pe, list, &m, &src, seen) == -1) {
			xmlFreeNodeList(list);
			drop_ph_ns(blocks[i], phns);
			mark_fallback(d, l, blocks[i], srclang == NULL ? "en" :
			    (const char *)srclang);
			st->rejected++;
			st->fallback++;
			res[cat->blockent[i]] = MERGE_REJECTED;
		} else {
			replace_content(its, blocks[i], list, &m);
			drop_ph_ns(blocks[i], phns);
			st->translated++;
			if (res[cat->blockent[i]] != MERGE_REJECTED)
				res[cat->blockent[i]] = MERGE_TRANSLATED;
			/* Translated with their paragraph. */
			for (size_t k = 0; k < m.ninl; k++)
				for (size_t j = i + 1; j < nblocks; j++)
					if (blocks[j] == m.inl[k]) {
						done[j] = 1;
						if (cat->blockent[j] < 0)
							break;
						if (res[cat->blockent[j]] !=
						    MERGE_REJECTED)
							res[cat->blockent[j]] =
							    MERGE_TRANSLATED;
						st->blocks++;
						st->translated++;
						break;
					}
		}
		free(src.names);
		free(src.linkends);
		free(seen);
		buf_free(&err);
		seg_clear(&m);
	}
	free(blocks);
	free(done);
	st->messages = cat->nents;
	for (size_t i = 0; i < cat->nents; i++)
		if (res[i] == MERGE_TRANSLATED)
			st->msgs_translated++;
	if (ents != NULL)
		*ents = res;
	else
		free(res);
	extract_free(cat);
	xmlFree(srclang);
	xmlHashFree(mc.ids, NULL);
	xmlHashFree(mc.inlines, NULL);
	xmlHashFree(mc.trans, NULL);
	xmlHashFree(mc.exact, NULL);
	po_free(held);

	set_lang(d, root, l->tag);
	xmlSetProp(root, BAD_CAST "dir",
	    BAD_CAST (l->dir == LANG_RTL ? "rtl" : "ltr"));
	return 0;
}

int
merge_run(struct doc *d, struct its *its, const struct pocat *po,
    const struct lang *l, struct mergestats *st, unsigned char **ents)
{
	return merge_in(d, its, po, NULL, l, st, ents);
}

/* merge_copy() and merge_copy_async(): the catalogue is po or pa's. */
static struct doc *
copy_in(const struct doc *src, const struct pocat *po, struct poasync *pa,
    const struct lang *l, int quiet, struct mergestats *st,
    unsigned char **ents)
{
	struct doc	*d;
	struct its	*its;
	int		 rc;

	d = doc_copy(src);
	if ((its = its_for(d, NULL)) == NULL) {
		po_read_cancel(pa);
		doc_free(d);
		return NULL;
	}
	if (quiet)
		msg_mute(1);
	rc = merge_in(d, its, po, pa, l, st, ents);
	if (quiet)
		msg_mute(0);
	its_free(its);
	if (rc == -1) {
		doc_free(d);
		return NULL;
	}
	return d;
}

struct doc *
merge_copy_async(const struct doc *src, struct poasync *pa,
    const struct lang *l, struct mergestats *st)
{
	return copy_in(src, NULL, pa, l, 0, st, NULL);
}

struct doc *
merge_copy(const struct doc *src, const struct pocat *po,
    const struct lang *l, int quiet, struct mergestats *st,
    unsigned char **ents)
{
	return copy_in(src, po, NULL, l, quiet, st, ents);
}
