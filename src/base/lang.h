/*
 * lang.h: the language table (lang.def).  Every module may use it.
 *
 * Entries are static; callers never free them.
 */
#ifndef OPAS_LANG_H
#define OPAS_LANG_H

#include <stddef.h>

enum	langdir {
	LANG_LTR,
	LANG_RTL
};

struct	lang {
	const char	*tag;		/* BCP 47, as published: "zh-CN" */
	const char	*po;		/* gettext name: "zh_CN" */
	const char	*english;	/* English name */
	const char	*native;	/* the language's own name */
	const char	*script;	/* ISO 15924 */
	enum langdir	 dir;		/* base text direction */
	const char	*fonts;		/* PDF font list, comma-separated */
	const char	*hyph;		/* hyphenation method, "" for none */
	const char	*plural;	/* Plural-Forms header value */
};

const struct lang	*lang_find(const char *);
const struct lang	*lang_at(size_t);
size_t			 lang_count(void);

#endif
