/*
 * wfile.h: writing an output file safely.  Every writer uses it.
 *
 * wfile_open() creates a temporary file beside the target; the caller
 * writes to wf->f and then calls wfile_commit(), which renames it into
 * place only if every write succeeded, or wfile_abort(), which removes
 * it.  A failed or interrupted run never leaves a half-written file
 * where a good one was.  The path "-" means standard output; a device
 * or pipe (/dev/null) is written directly.
 */
#ifndef OPAS_WFILE_H
#define OPAS_WFILE_H

#include <stdio.h>

struct	wfile {
	FILE	*f;		/* write here */
	char	*path;		/* the target */
	char	*tmp;		/* the temporary name, NULL for stdout */
	int	 direct;	/* a device or pipe, written in place */
};

struct wfile	*wfile_open(const char *);
int		 wfile_commit(struct wfile *);
void		 wfile_abort(struct wfile *);

/* The whole of a file at once; -1 after reporting. */
int		 wfile_write(const char *, const void *, size_t);
/*
 * Files put in place together: wbatch_add() writes each to a temporary
 * file beside its target, wbatch_commit() makes them all durable with
 * one syncfs() and renames them into place (if a rename fails, the files
 * renamed before it stay), wbatch_abort() removes them.  One sync for an HTML edition instead of one a page; and a
 * failed edition leaves every page of the previous one, not a mix.  A
 * zeroed struct wbatch is an empty one.
 */
struct	wbatch {
	struct wfile	**v;
	size_t		  n;
};

/* -1 after reporting; the caller then calls wbatch_abort(). */
int		 wbatch_add(struct wbatch *, const char *, const void *,
		    size_t);
int		 wbatch_commit(struct wbatch *);
void		 wbatch_abort(struct wbatch *);
/* mkdir -p; -1 after reporting. */
int		 wfile_mkdirs(const char *);

#endif
