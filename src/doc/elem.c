/*
 * elem.c: look-up in the element table (see elem.h).
 */
#include "config.h"

#include <string.h>

#include "doc/elem.h"

static const struct {
	const char	*name;
	enum elemkind	 kind;
} elems[] = {
#define ELEM(name, kind)	{ name, kind },
#include "doc/elem.def"
#undef ELEM
};

enum elemkind
elem_kind(const char *name)
{
	for (size_t i = 0; i < sizeof(elems) / sizeof(elems[0]); i++)
		if (strcmp(elems[i].name, name) == 0)
			return elems[i].kind;
	return ELEM_NONE;
}
