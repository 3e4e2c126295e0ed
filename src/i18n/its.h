/*
 * its.h: W3C ITS 2.0 rules on a guide tree.  Used by extraction and merge.
 *
 * its_apply() evaluates a rules file (global rules, later ones winning)
 * and then the local its:* and xml:space attributes of the document, and
 * keeps what it found beside the tree.  The struct its belongs to the
 * caller (its_free()); it must be freed before the tree.  Strings it
 * returns belong to it.
 */
#ifndef OPAS_ITS_H
#define OPAS_ITS_H

#include <libxml/tree.h>

struct doc;
struct its;

enum	its_within {
	ITS_WITHIN_NO = 0,	/* a block: a message of its own */
	ITS_WITHIN_YES,		/* inline: part of the message around it */
	ITS_WITHIN_NESTED	/* a message of its own inside text */
};

struct its	*its_apply(const struct doc *, const char *rules);
struct its	*its_for(const struct doc *, const char *rules);
void		 its_free(struct its *);
int		 its_translate(const struct its *, xmlNodePtr);
enum its_within	 its_within(const struct its *, xmlNodePtr);
int		 its_preserve(const struct its *, xmlNodePtr);
const char	*its_note(const struct its *, xmlNodePtr);
/* Forget a node that is about to be freed (merge replaces content). */
void		 its_forget(struct its *, xmlNodePtr);

#endif
