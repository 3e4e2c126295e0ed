/*
 * seg.c: messages of a guide tree (see seg.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"
#include "doc/doc.h"
#include "i18n/its.h"
#include "i18n/seg.h"

/* libxml2 caps nesting at 256; inline markup never comes near it. */
#define SEG_MAX_DEPTH	256

static char	*seg_canonical_raw(const struct doc *, const char *);

/* Output state: whitespace collapsing across text and tags. */
struct	out {
	struct buf	*b;
	int		 preserve;	/* copy whitespace as it is */
	int		 space;		/* a space is pending */
	int		 text;		/* non-space text was seen */
	int		 inlined;	/* write all-inline nested blocks */
};

static void
out_flush(struct out *o)
{
	if (o->space && o->b->len > 0)
		buf_addc(o->b, ' ');
	o->space = 0;
}

static void
out_text(struct out *o, const char *s)
{
	for (; *s != '\0'; s++) {
		int c = (unsigned char)*s;

		if (!o->preserve && (c == ' ' || c == '\t' || c == '\n' ||
		    c == '\r')) {
			o->space = 1;
			continue;
		}
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			o->text = 1;
		out_flush(o);
		switch (c) {
		case '&':
			buf_adds(o->b, "&amp;");
			break;
		case '<':
			buf_adds(o->b, "&lt;");
			break;
		case '>':
			buf_adds(o->b, "&gt;");
			break;
		default:
			buf_addc(o->b, c);
			break;
		}
	}
}

static void
out_name(struct out *o, xmlNsPtr ns, const xmlChar *name)
{
	if (ns != NULL && ns->prefix != NULL) {
		buf_adds(o->b, (const char *)ns->prefix);
		buf_addc(o->b, ':');
	}
	buf_adds(o->b, (const char *)name);
}

static void
out_start(struct out *o, xmlNodePtr n, int empty)
{
	out_flush(o);
	buf_addc(o->b, '<');
	out_name(o, n->ns, n->name);
	for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
		xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);

		buf_addc(o->b, ' ');
		out_name(o, a->ns, a->name);
		buf_adds(o->b, "=\"");
		for (const char *s = v == NULL ? "" : (const char *)v; *s; s++)
			switch (*s) {
			case '&':
				buf_adds(o->b, "&amp;");
				break;
			case '<':
				buf_adds(o->b, "&lt;");
				break;
			case '"':
				buf_adds(o->b, "&quot;");
				break;
			default:
				buf_addc(o->b, *s);
			}
		buf_addc(o->b, '"');
		xmlFree(v);
	}
	buf_adds(o->b, empty ? "/>" : ">");
}

static void
out_end(struct out *o, xmlNodePtr n)
{
	out_flush(o);
	buf_adds(o->b, "</");
	out_name(o, n->ns, n->name);
	buf_addc(o->b, '>');
}

static void
out_placeholder(struct out *o, const xmlChar *name, size_t num)
{
	out_flush(o);
	buf_addf(o->b, "<_:%s-%zu/>", (const char *)name, num);
}

/* Whether everything inside a nested block is text and inline markup. */
static int
all_inline(const struct its *its, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c != NULL; c = doc_next(c, n))
		if (c->type == XML_ELEMENT_NODE &&
		    (its_within(its, c) != ITS_WITHIN_YES ||
		    !its_translate(its, c)))
			return 0;
	return 1;
}

static int
is_placeholder(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, SEG_NS_PH) == 0;
}

/*
 * The children of a block: text, inline elements in full, nested blocks
 * as placeholders.  With its == NULL the nodes are a parsed fragment:
 * every element is inline and placeholders are written as they are.
 */
static void
out_children(struct out *o, const struct its *its, xmlNodePtr first,
    struct segmsg *m, int depth)
{
	for (xmlNodePtr c = first; c != NULL; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			out_text(o, (const char *)c->content);
			break;
		case XML_ELEMENT_NODE:
			if (its == NULL && is_placeholder(c)) {
				out_flush(o);
				buf_addf(o->b, "<_:%s/>", (const char *)c->name);
				break;
			}
			if (its != NULL && o->inlined && depth < SEG_MAX_DEPTH &&
			    its_within(its, c) == ITS_WITHIN_NO &&
			    its_translate(its, c) && all_inline(its, c)) {
				m->inl = xreallocarray(m->inl, m->ninl + 1,
				    sizeof(*m->inl));
				m->inl[m->ninl++] = c;
			} else if (its != NULL &&
			    (its_within(its, c) != ITS_WITHIN_YES ||
			    !its_translate(its, c) || depth >= SEG_MAX_DEPTH)) {
				m->ph = xreallocarray(m->ph, m->nph + 1,
				    sizeof(*m->ph));
				m->ph[m->nph++] = c;
				out_placeholder(o, c->name, m->nph);
				break;
			}
			if (c->children == NULL) {
				out_start(o, c, 1);
				break;
			}
			out_start(o, c, 0);
			out_children(o, its, c->children, m, depth + 1);
			out_end(o, c);
			break;
		default:	/* comments and processing instructions */
			break;
		}
	}
}

static void
build(const struct its *its, xmlNodePtr n, struct segmsg *m, int inlined)
{
	struct out	 o;

	memset(m, 0, sizeof(*m));
	m->node = n;
	m->preserve = its_preserve(its, n);
	m->note = its_note(its, n);
	o.b = &m->id;
	o.preserve = m->preserve;
	o.space = o.text = 0;
	o.inlined = inlined;
	out_children(&o, its, n->children, m, 0);
	m->empty = !o.text;
	if (m->id.data == NULL)
		buf_adds(&m->id, "");
}

void
seg_build(const struct its *its, xmlNodePtr n, struct segmsg *m)
{
	build(its, n, m, 0);
}

void
seg_build_inlined(const struct its *its, xmlNodePtr n, struct segmsg *m)
{
	build(its, n, m, 1);
}

void
seg_clear(struct segmsg *m)
{
	buf_free(&m->id);
	free(m->ph);
	free(m->inl);
	m->ph = m->inl = NULL;
	m->nph = m->ninl = 0;
}

void
seg_serialize_list(xmlNodePtr list, int preserve, struct buf *b)
{
	struct out	 o;
	struct segmsg	 dummy;

	memset(&dummy, 0, sizeof(dummy));
	o.b = b;
	o.preserve = preserve;
	o.space = o.text = o.inlined = 0;
	out_children(&o, NULL, list, &dummy, 0);
	free(dummy.ph);
}

/*
 * Message blocks: every translatable element that is not inline, and
 * whose content is not swallowed by an inline or untranslated parent.
 */
xmlNodePtr *
seg_collect(const struct doc *d, const struct its *its, size_t *np)
{
	xmlNodePtr	*v = NULL, n, top;
	size_t		 nv = 0, cap = 0;

	top = xmlDocGetRootElement(d->xml);
	for (n = top; n != NULL; n = doc_next(n, top)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n != top && its_within(its, n) == ITS_WITHIN_YES &&
		    n->parent != NULL && n->parent->type == XML_ELEMENT_NODE)
			continue;
		if (!its_translate(its, n))
			continue;
		if (nv == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[nv++] = n;
	}
	*np = nv;
	return v;
}

/*
 * Canonical markup for matching msgids made by different tools: parse
 * and write back with the same serializer, so that attribute quoting,
 * spacing inside tags and <x></x> against <x/> do not matter.  Text
 * that does not parse is matched with its whitespace collapsed.
 */
/*
 * itstool counts U+00A0 NO-BREAK SPACE as whitespace and writes a plain
 * space; opas keeps it in msgids (it matters in print) but matches as
 * itstool would.
 */
static char *
fold_nbsp(char *s)
{
	char	*r, *w;
	int	 space = 0;

	for (r = w = s; *r != '\0'; r++) {
		if ((unsigned char)r[0] == 0xc2 && (unsigned char)r[1] == 0xa0) {
			r++;
			space = 1;
			continue;
		}
		if (*r == ' ') {
			space = 1;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

char *
seg_canonical(const struct doc *d, const char *id)
{
	return fold_nbsp(seg_canonical_raw(d, id));
}

static char *
seg_canonical_raw(const struct doc *d, const char *id)
{
	static xmlDocPtr	 scratch4, scratch5;
	xmlDocPtr		*sp;
	xmlNodePtr		 ctx, list;
	struct buf		 b = { 0 }, err = { 0 };
	struct out		 o;

	if (strchr(id, '<') == NULL && strchr(id, '&') == NULL) {
		o.b = &b;
		o.preserve = 0;
		o.space = o.text = o.inlined = 0;
		out_text(&o, id);
		return buf_detach(&b);
	}
	sp = d->version == 4 ? &scratch4 : &scratch5;
	if (*sp == NULL) {
		*sp = xmlNewDoc(BAD_CAST "1.0");
		ctx = xmlNewDocNode(*sp, NULL, BAD_CAST "_", NULL);
		xmlDocSetRootElement(*sp, ctx);
		if (d->version != 4)
			xmlSetNs(ctx, xmlNewNs(ctx, BAD_CAST DOC_NS_DOCBOOK,
			    NULL));
		xmlNewNs(ctx, BAD_CAST DOC_NS_XLINK, BAD_CAST "xlink");
		xmlNewNs(ctx, BAD_CAST DOC_NS_ITS, BAD_CAST "its");
		xmlNewNs(ctx, BAD_CAST DOC_NS_XINCLUDE, BAD_CAST "xi");
		xmlNewNs(ctx, BAD_CAST SEG_NS_PH, BAD_CAST "_");
	}
	ctx = xmlDocGetRootElement(*sp);
	if ((list = doc_parse_fragment(ctx, id, &err)) == NULL) {
		o.b = &b;
		o.preserve = 0;
		o.space = o.text = o.inlined = 0;
		for (const char *s = id; *s != '\0'; s++) {
			if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
				o.space = 1;
			else {
				out_flush(&o);
				buf_addc(&b, *s);
			}
		}
	} else {
		seg_serialize_list(list, 0, &b);
		xmlFreeNodeList(list);
	}
	buf_free(&err);
	return buf_detach(&b);
}

size_t
seg_words(const char *s)
{
	size_t	 n = 0;
	int	 inword = 0, intag = 0;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '<') {
			intag = 1;
			continue;
		}
		if (intag) {
			if (c == '>')
				intag = 0;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			inword = 0;
		} else if (!inword) {
			inword = 1;
			n++;
		}
	}
	return n;
}
