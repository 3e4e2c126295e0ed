/*
 * po.h: reading translation catalogues.  po.c is the only user of
 * libgettextpo; nothing in opas parses PO text by hand.
 *
 * po_read() returns a catalogue the caller frees with po_free(), or
 * NULL after reporting why.  Entries and their strings belong to it.
 * po_add() reads one more file into a catalogue, for books that keep
 * one catalogue per source file (Publican): the first entry for a
 * message wins, and every entry remembers its file for diagnostics.
 */
#ifndef OPAS_PO_H
#define OPAS_PO_H

#include <stddef.h>

struct	poent {
	char	*ctxt;		/* msgctxt, or NULL */
	char	*id;		/* msgid */
	char	*str;		/* msgstr (msgstr[0] for plurals) */
	int	 fuzzy;
	int	 obsolete;
	int	 line;		/* line of "msgid" in the file, 0 if unknown */
	const char *file;	/* the file it was read from */
};

struct	pocat {
	char		*path;		/* the first file */
	char		**files;	/* every file read, path first */
	size_t		 nfiles;
	char		*lang;		/* the first header's Language, or NULL */
	struct poent	*ents;		/* without the header */
	size_t		 nents;
};

struct pocat	*po_read(const char *);
/*
 * po_read() in a process of its own while the caller works on: the
 * result of po_read_wait() is what po_read() would have returned, with
 * the same diagnostics.  Every po_read_async() is followed by one
 * po_read_wait() or po_read_cancel().
 */
struct poasync;
struct poasync	*po_read_async(const char *);
struct pocat	*po_read_wait(struct poasync *);
/* A po_read_async() that is not wanted after all (NULL: nothing). */
void		 po_read_cancel(struct poasync *);
int		 po_add(struct pocat *, const char *);
void		 po_free(struct pocat *);
/* The languages listed in DIR/LINGUAS. */
char		**po_linguas(const char *, size_t *);
void		 po_linguas_free(char **, size_t);
/* Report what msgfmt -c would about a catalogue. */
void		 po_lint(const char *);
/* Whether an entry can be used: translated, not fuzzy, not obsolete. */
int		 po_usable(const struct poent *);

#endif
