/*
 * merge.h: a catalogue into the guide tree (the translated tree).
 *
 * merge_run() replaces the content of every block whose message has a
 * usable, valid translation, marks every other block with text as a
 * fallback (xml:lang of the source, dir="ltr" inside right-to-left
 * text), and sets xml:lang and dir on the root.  A translation that
 * fails a check is reported at its PO line and falls back.  The tree is
 * changed in place; the catalogue and rules stay the caller's.
 */
#ifndef OPAS_MERGE_H
#define OPAS_MERGE_H

#include <stddef.h>

struct doc;
struct its;
struct lang;
struct poasync;
struct pocat;

struct	mergestats {
	size_t	 blocks;	/* blocks with text */
	size_t	 translated;	/* blocks translated */
	size_t	 fallback;	/* blocks left in the source language */
	size_t	 rejected;	/* translations that failed a check */
	size_t	 messages;	/* messages of the source (as in the POT) */
	size_t	 msgs_translated; /* of those, translated */
};

/* What became of each message of extract_run() on the source tree. */
enum	mergeres {
	MERGE_SOURCE = 0,	/* no usable translation: source text */
	MERGE_TRANSLATED,	/* translated */
	MERGE_REJECTED		/* a translation failed a check */
};

/*
 * With ents not NULL, *ents is set to an array (the caller frees it)
 * of one enum mergeres per message, in extract_run() order.
 */
int	merge_run(struct doc *, struct its *, const struct pocat *,
	    const struct lang *, struct mergestats *, unsigned char **ents);
/*
 * merge_run() on a copy of the source with its default ITS rules,
 * muting diagnostics when quiet; the copy is the caller's (doc_free()),
 * NULL after reporting.
 */
struct doc *merge_copy(const struct doc *, const struct pocat *,
	    const struct lang *, int quiet, struct mergestats *,
	    unsigned char **ents);

/*
 * merge_copy(), not quiet, with a catalogue that po_read_async() is
 * still reading: the copy and everything that needs no catalogue are
 * done first.  It waits for the catalogue (po_read_wait()) and frees
 * it; NULL after reporting.
 */
struct doc *merge_copy_async(const struct doc *, struct poasync *,
	    const struct lang *, struct mergestats *);

#endif
