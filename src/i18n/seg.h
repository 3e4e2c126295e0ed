/*
 * seg.h: cutting a guide tree into translation messages, the same way
 * for extraction and merge (itstool-style msgids).
 *
 * A message is the inner XML of a block element: text and inline
 * elements verbatim, each nested block replaced by a placeholder
 * <_:NAME-N/>, whitespace collapsed unless the block preserves it.
 * seg_collect() lists the blocks in document order; seg_build() makes
 * the message of one block as the tree is now.  seg_build_inlined()
 * makes the form Publican writes: nested blocks that hold only text
 * and inline markup (index terms in a paragraph) are written in full
 * instead of as placeholders, and listed in inl.  A struct segmsg owns
 * its id and ph array (seg_clear()); the nodes belong to the tree.
 */
#ifndef OPAS_SEG_H
#define OPAS_SEG_H

#include <stddef.h>

#include <libxml/tree.h>

#include "base/buf.h"

struct doc;
struct its;

#define SEG_NS_PH	"http://opas.invalid/ns/placeholder"

struct	segmsg {
	xmlNodePtr	 node;		/* the block */
	struct buf	 id;		/* the msgid */
	xmlNodePtr	*ph;		/* nested blocks, placeholder order */
	size_t		 nph;
	xmlNodePtr	*inl;		/* nested blocks written in full */
	size_t		 ninl;
	int		 preserve;	/* whitespace kept: "no-wrap" */
	int		 empty;		/* no text to translate */
	const char	*note;		/* ITS locNote, or NULL */
};

/* Blocks that may carry messages, in document order; caller frees. */
xmlNodePtr	*seg_collect(const struct doc *, const struct its *, size_t *);
void		 seg_build(const struct its *, xmlNodePtr, struct segmsg *);
void		 seg_build_inlined(const struct its *, xmlNodePtr,
		    struct segmsg *);
void		 seg_clear(struct segmsg *);
/* The canonical form of a msgid from any tool, for matching. */
char		*seg_canonical(const struct doc *, const char *);
/* Serialize a parsed fragment (translation) the way msgids are. */
void		 seg_serialize_list(xmlNodePtr, int, struct buf *);
/* Count the words of a msgid's text (tags and placeholders left out). */
size_t		 seg_words(const char *);

#endif
