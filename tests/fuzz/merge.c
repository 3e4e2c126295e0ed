/*
 * merge.c: fuzz target of the PO merge.  The input is translations of
 * the messages of a fixed small source, as a translator could write
 * them in a catalogue: merge_run() must check each one (markup,
 * placeholders, links, attributes) and use it or fall back, and leave
 * a tree that the rest of opas can walk.
 *
 * Input: byte 0 picks the source (bit 0: tests/merge/book.xml, DocBook
 * 5, or publican.xml, DocBook 4 with index terms written in full) and
 * the first message; byte 1 the language (left to right or right to
 * left); the rest, split at NUL bytes, are the msgstrs of that message
 * and the ones after it.  A msgstr with a byte 0x02 in it brings its
 * own msgid before that byte, as another tool may have written it
 * (Publican writes index terms in full).  No PO text is parsed:
 * libgettextpo is not ours to fuzz.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "doc/doc.h"
#include "i18n/extract.h"
#include "i18n/its.h"
#include "i18n/merge.h"
#include "i18n/po.h"
#include "fuzz.h"

static const char *const sources[] = {
	"tests/merge/book.xml",
	"tests/merge/publican.xml"
};
#define NSOURCES	(sizeof(sources) / sizeof(sources[0]))

static const char *const langs[] = { "fi", "ar", "zh-CN", "ru" };
#define NLANGS		(sizeof(langs) / sizeof(langs[0]))

static struct {
	struct doc	*doc;
	struct catalog	*cat;	/* its messages, as in its POT */
} src[NSOURCES];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct its	*its;
	char		*path;

	fuzz_quiet();
	for (size_t i = 0; i < NSOURCES; i++) {
		path = fuzz_srcfile(sources[i]);
		if ((src[i].doc = doc_read(path)) == NULL ||
		    (its = its_for(src[i].doc, NULL)) == NULL)
			abort();
		src[i].cat = extract_run(src[i].doc, its);
		its_free(its);
		free(path);
		if (src[i].cat->nents == 0)
			abort();
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct lang	*l;
	struct mergestats	 st;
	struct pocat		 po;
	struct catalog		*cat, *after;
	struct doc		*d;
	struct its		*its;
	unsigned char		*ents = NULL;
	xmlChar			*dump = NULL;
	char			*text;
	size_t			 first, pos;
	int			 dumplen;

	if (size < 2)
		return 0;
	cat = src[data[0] % NSOURCES].cat;
	first = (data[0] / NSOURCES) % cat->nents;
	if ((l = lang_find(langs[data[1] % NLANGS])) == NULL)
		abort();

	/* The msgstrs, NUL-separated, as strings of their own. */
	text = xmalloc(size - 2 + 1);
	memcpy(text, data + 2, size - 2);
	text[size - 2] = '\0';
	memset(&po, 0, sizeof(po));
	po.path = (char *)"fuzz.po";
	po.lang = (char *)l->po;
	for (pos = 0; pos <= size - 2; pos += strlen(text + pos) + 1) {
		const struct entry	*e;
		struct poent		*pe;
		char			*str = text + pos, *own;

		e = &cat->ents[(first + po.nents) % cat->nents];
		po.ents = xreallocarray(po.ents, po.nents + 1,
		    sizeof(*po.ents));
		pe = &po.ents[po.nents++];
		memset(pe, 0, sizeof(*pe));
		pe->ctxt = e->ctxt;
		pe->id = e->id;
		pe->str = str;
		pe->file = po.path;
		pe->line = (int)po.nents;
		if ((own = strchr(str, '\002')) != NULL) {
			*own = '\0';
			pe->id = str;
			pe->str = own + 1;
			/* The loop goes on after the msgstr. */
			pos += (size_t)(own + 1 - str);
		}
	}

	d = doc_copy(src[data[0] % NSOURCES].doc);
	if ((its = its_for(d, NULL)) == NULL)
		abort();
	merge_run(d, its, &po, l, &st, &ents);
	its_free(its);
	if (st.translated + st.fallback != st.blocks ||
	    st.msgs_translated > st.messages)
		abort();

	/* What the renderers get must hold together. */
	if ((its = its_for(d, NULL)) != NULL) {
		after = extract_run(d, its);
		extract_free(after);
		its_free(its);
	}
	xmlDocDumpMemory(d->xml, &dump, &dumplen);
	if (dump == NULL)
		abort();
	xmlFree(dump);

	free(ents);
	doc_free(d);
	free(po.ents);
	free(text);
	msg_reset();
	return 0;
}
