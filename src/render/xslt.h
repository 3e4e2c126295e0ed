/*
 * xslt.h: running XSLT stylesheets.  xslt.c is the only file that
 * includes libxslt headers.
 *
 * A stylesheet may read files (its own data, such as gentext.xml) but
 * never write files, create directories or use the network; libxslt's
 * security preferences enforce this, for opas's stylesheets and for a
 * publisher's own.  Errors are reported through msg() with the
 * stylesheet's file and line.
 */
#ifndef OPAS_XSLT_H
#define OPAS_XSLT_H

#include <libxml/tree.h>

struct xsl;

/* NULL after reporting why. */
struct xsl	*xsl_load(const char *path);
void		 xsl_free(struct xsl *);
/*
 * Apply to a tree with string parameters (name, value, ..., NULL);
 * the values are passed as strings, never evaluated.  Returns the
 * result tree (the caller frees it with xmlFreeDoc()) or NULL after
 * reporting.
 */
xmlDocPtr	 xsl_apply(struct xsl *, xmlDocPtr, const char **params);

#endif
