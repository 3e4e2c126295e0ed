/*
 * intl.h: marks program messages for translation.  Every module may use it.
 */
#ifndef OPAS_INTL_H
#define OPAS_INTL_H

#if defined(ENABLE_NLS) && defined(HAVE_LIBINTL_H)
#include <libintl.h>
#define _(s)	gettext(s)
#else
#define _(s)	(s)
#endif
#define N_(s)	(s)

#endif
