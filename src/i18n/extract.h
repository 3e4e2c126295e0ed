/*
 * extract.h: the messages of a guide (what goes into the POT).
 *
 * extract_run() cuts the tree into messages (seg.h), merges identical
 * ones and gives a msgctxt only where one text needs two entries
 * (different notes or whitespace handling).  blockent[i] is the entry
 * of block i of seg_collect(), or -1 for a block without text.  The
 * struct catalog belongs to the caller (extract_free()).
 */
#ifndef OPAS_EXTRACT_H
#define OPAS_EXTRACT_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "base/buf.h"

struct doc;
struct its;

struct	entry {
	char		*ctxt;		/* msgctxt, or NULL */
	char		*id;		/* msgid */
	struct buf	 refs;		/* "#: file:line" lines */
	struct buf	 notes;		/* "#. " lines */
	int		 preserve;	/* no-wrap */
	size_t		 words;		/* words in the msgid */
};

struct	catalog {
	struct entry	*ents;
	size_t		 nents;
	int		*blockent;	/* entry of each block, -1 if none */
	size_t		 nblocks;
};

struct catalog	*extract_run(const struct doc *, const struct its *);
void		 extract_free(struct catalog *);
int		 extract_write_pot(const struct doc *, const struct catalog *,
		    FILE *, const char *bugs);
void		 po_write_string(FILE *, const char *, const char *, int);

#endif
