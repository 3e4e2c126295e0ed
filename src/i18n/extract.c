/*
 * extract.c: the messages of a guide and the POT file (see extract.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/hash.h>

#include "base/buf.h"
#include "base/mem.h"
#include "doc/doc.h"
#include "i18n/extract.h"
#include "i18n/its.h"
#include "i18n/seg.h"

static char *
node_path(xmlNodePtr n)
{
	if (n->parent != NULL && n->parent->type == XML_ELEMENT_NODE)
		return xasprintf("%s/%s", (const char *)n->parent->name,
		    (const char *)n->name);
	return xstrdup((const char *)n->name);
}

static int
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

struct catalog *
extract_run(const struct doc *d, const struct its *its)
{
	struct catalog	*cat;
	xmlHashTablePtr	 byid;
	xmlNodePtr	*blocks;
	size_t		 cap = 0;

	cat = xcalloc(1, sizeof(*cat));
	blocks = seg_collect(d, its, &cat->nblocks);
	cat->blockent = xreallocarray(NULL, cat->nblocks + 1, sizeof(int));
	byid = xmlHashCreate(1024);

	for (size_t i = 0; i < cat->nblocks; i++) {
		struct segmsg	 m;
		struct entry	*e = NULL;
		struct msgloc	 loc;
		char		*file, *path, *ctxt = NULL;
		intptr_t	 k;

		seg_build(its, blocks[i], &m);
		cat->blockent[i] = -1;
		if (m.empty) {
			seg_clear(&m);
			continue;
		}
		path = node_path(blocks[i]);

		/* An entry with this text: the same, or needs a context. */
		k = (intptr_t)xmlHashLookup(byid, BAD_CAST m.id.data);
		if (k > 0)
			e = &cat->ents[k - 1];
		if (k > 0 && e->preserve != m.preserve) {
			ctxt = xasprintf("%s%s", path,
			    m.preserve ? " (verbatim)" : "");
			e = NULL;
		} else if (k > 0 && m.note != NULL &&
		    strstr(buf_str(&e->notes), m.note) == NULL) {
			ctxt = xstrdup(path);
			e = NULL;
		}
		if (e == NULL && ctxt != NULL) {
			/* Already seen with the same context? */
			for (size_t j = 0; j < cat->nents; j++)
				if (same_str(cat->ents[j].ctxt, ctxt) &&
				    strcmp(cat->ents[j].id, m.id.data) == 0) {
					e = &cat->ents[j];
					break;
				}
		}
		if (e == NULL) {
			if (cat->nents == cap) {
				cap = cap == 0 ? 256 : cap * 2;
				cat->ents = xreallocarray(cat->ents, cap,
				    sizeof(*cat->ents));
			}
			e = &cat->ents[cat->nents++];
			memset(e, 0, sizeof(*e));
			e->ctxt = ctxt;
			ctxt = NULL;
			e->id = xstrdup(m.id.data);
			e->preserve = m.preserve;
			e->words = seg_words(e->id);
			if (k == 0)
				xmlHashAddEntry(byid, BAD_CAST e->id,
				    (void *)(intptr_t)cat->nents);
		}
		free(ctxt);
		cat->blockent[i] = (int)(e - cat->ents);

		doc_node_loc(d, blocks[i], &loc, &file);
		buf_addf(&e->refs, "#: %s:%d\n", loc.file, loc.line);
		free(file);
		{
			char *pl = xasprintf("#. (opas) path: %s\n", path);

			if (strstr(buf_str(&e->notes), pl) == NULL)
				buf_adds(&e->notes, pl);
			free(pl);
		}
		if (m.note != NULL && strstr(buf_str(&e->notes), m.note) == NULL) {
			/* A note may span lines: each gets its own "#. ". */
			const char *s = m.note;

			while (*s == ' ' || *s == '\n' || *s == '\t')
				s++;
			buf_adds(&e->notes, "#. ");
			for (; *s != '\0'; s++) {
				if (*s == '\n') {
					while (s[1] == ' ' || s[1] == '\t')
						s++;
					if (s[1] != '\0')
						buf_adds(&e->notes, "\n#. ");
				} else
					buf_addc(&e->notes, *s);
			}
			buf_addc(&e->notes, '\n');
		}
		free(path);
		seg_clear(&m);
	}
	xmlHashFree(byid, NULL);
	free(blocks);
	return cat;
}

void
extract_free(struct catalog *cat)
{
	if (cat == NULL)
		return;
	for (size_t i = 0; i < cat->nents; i++) {
		free(cat->ents[i].ctxt);
		free(cat->ents[i].id);
		buf_free(&cat->ents[i].refs);
		buf_free(&cat->ents[i].notes);
	}
	free(cat->ents);
	free(cat->blockent);
	free(cat);
}

/*
 * Write a PO string: escaped, on one line, or split after each newline
 * (with a leading "" line) when it has newlines inside.
 */
void
po_write_string(FILE *f, const char *kw, const char *s, int split)
{
	const char	*nl;

	nl = strchr(s, '\n');
	split = split && nl != NULL && nl[1] != '\0';
	fprintf(f, "%s \"", kw);
	if (split)
		fputs("\"\n\"", f);
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\n':
			fputs("\\n", f);
			if (split && s[1] != '\0')
				fputs("\"\n\"", f);
			break;
		default:
			fputc(*s, f);
		}
	}
	fputs("\"\n", f);
}

int
extract_write_pot(const struct doc *d, const struct catalog *cat, FILE *f,
    const char *bugs)
{
	char		 date[64];
	time_t		 t;
	struct tm	 tm;
	xmlChar		*title, *edition;

	t = doc_date(d);
	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%Y-%m-%d %H:%M+0000", &tm);
	title = doc_info(d, "title");
	edition = doc_info(d, "edition");

	fprintf(f, "# Translation template of \"%s\".\n",
	    title == NULL ? "the guide" : (const char *)title);
	fprintf(f, "# Made by opas extract from %s; do not edit it: "
	    "run make update-po.\n", d->path);
	fputs("#\n#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n", f);
	fprintf(f, "\"Project-Id-Version: %s%s%s\\n\"\n",
	    title == NULL ? "guide" : (const char *)title,
	    edition == NULL ? "" : " ",
	    edition == NULL ? "" : (const char *)edition);
	fprintf(f, "\"Report-Msgid-Bugs-To: %s\\n\"\n", bugs);
	fprintf(f, "\"POT-Creation-Date: %s\\n\"\n", date);
	fputs("\"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n\"\n"
	    "\"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n\"\n"
	    "\"Language-Team: LANGUAGE <LL@li.org>\\n\"\n"
	    "\"Language: \\n\"\n"
	    "\"MIME-Version: 1.0\\n\"\n"
	    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	    "\"Content-Transfer-Encoding: 8bit\\n\"\n", f);
	xmlFree(title);
	xmlFree(edition);

	for (size_t i = 0; i < cat->nents; i++) {
		const struct entry *e = &cat->ents[i];

		fputc('\n', f);
		fputs(buf_str(&e->notes), f);
		fputs(buf_str(&e->refs), f);
		if (e->preserve)
			fputs("#, no-wrap\n", f);
		if (e->ctxt != NULL)
			po_write_string(f, "msgctxt", e->ctxt, 0);
		po_write_string(f, "msgid", e->id, e->preserve);
		fputs("msgstr \"\"\n", f);
	}
	return ferror(f) ? -1 : 0;
}
