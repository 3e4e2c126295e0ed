/*
 * elem.h: the element table of the guide format (elem.def).
 */
#ifndef OPAS_ELEM_H
#define OPAS_ELEM_H

enum	elemkind {
	ELEM_NONE = 0,	/* not part of the guide format */
	ELEM_DIV,	/* a division with a title */
	ELEM_META,	/* metadata and titles */
	ELEM_BLOCK,	/* a block */
	ELEM_TABLE,	/* a part of a CALS table */
	ELEM_INLINE	/* within text */
};

enum elemkind	elem_kind(const char *);

#endif
