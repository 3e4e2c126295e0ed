/*
 * doc.h: the guide reader.  The only module that sets up libxml2
 * parsing; every other module works on the tree it returns.
 *
 * doc_read() returns a struct doc the caller releases with doc_free(),
 * or NULL after reporting why through msg().  The tree belongs to the
 * struct doc.  Strings returned by doc_node_file() belong to the caller.
 */
#ifndef OPAS_DOC_H
#define OPAS_DOC_H

#include <stddef.h>
#include <time.h>

#include <libxml/tree.h>

#include "base/msg.h"

#define DOC_NS_DOCBOOK	"http://docbook.org/ns/docbook"
#define DOC_NS_XLINK	"http://www.w3.org/1999/xlink"
#define DOC_NS_ITS	"http://www.w3.org/2005/11/its"
#define DOC_NS_XINCLUDE	"http://www.w3.org/2001/XInclude"

struct	doc {
	xmlDocPtr	 xml;		/* the tree, XIncludes resolved */
	char		*path;		/* the source file as given */
	char		*root;		/* the source tree: path's directory */
	char		*shownroot;	/* the same as the user named it */
	int		 version;	/* 5 (DocBook namespace) or 4 (none) */
};

struct doc	*doc_read(const char *);
/* Any XML file with the same safety rules, not only a guide (version 0). */
struct doc	*doc_read_plain(const char *);
/*
 * The same with the main file's bytes given (the fuzz targets): path
 * names it, and its directory is the source tree, as for doc_read().
 */
struct doc	*doc_read_mem(const char *path, const char *, size_t);
struct doc	*doc_copy(const struct doc *);
void		 doc_free(struct doc *);
void		 doc_cleanup(void);

xmlChar		*doc_info(const struct doc *, const char *);
time_t		 doc_date(const struct doc *);
/* The book's xml:id if it makes a safe file name, else "book". */
char		*doc_book_id(const struct doc *);

struct buf;
/* Parse XML text as the content of an element (see doc.c). */
xmlNodePtr	 doc_parse_fragment(xmlNodePtr, const char *, struct buf *);

/* Where a node came from: file (caller frees) and line. */
void		 doc_node_loc(const struct doc *, xmlNodePtr,
		    struct msgloc *, char **);
/* The next node after n in document order inside top, without recursion. */
xmlNodePtr	 doc_next(xmlNodePtr n, xmlNodePtr top);
/* Whether an element is DocBook (right namespace for the version). */
int		 doc_is_db(const struct doc *, xmlNodePtr);

/* Checks (check.c): each returns the number of errors reported. */
int		 doc_validate(const struct doc *, const char *schema);
/* The same, reporting each error as id (a message with one %s). */
int		 doc_validate_as(const struct doc *, const char *schema,
		    enum msgid id);
int		 doc_check_links(const struct doc *);
int		 doc_check_elements(const struct doc *);

#endif
