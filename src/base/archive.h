/*
 * archive.h: writing a reproducible zip archive (EPUB books and the
 * authorities' packages).  archive.c is the only file that includes
 * libzip's header.
 *
 * Entries are written in the order they are added, each with the same
 * time (the given epoch, as UTC), mode 0644 and no extra fields, so the
 * bytes depend only on the contents.  The archive is built in memory
 * and written safely (wfile.h): a failed run leaves the previous file.
 */
#ifndef OPAS_ARCHIVE_H
#define OPAS_ARCHIVE_H

#include <stddef.h>
#include <time.h>

struct archive;

enum	archivecomp {
	ARCHIVE_DEFLATE,
	ARCHIVE_STORE
};

/* path: where archive_write() will put it (for messages too). */
struct archive	*archive_new(const char *path, time_t epoch);
/*
 * Add an entry; the archive takes data (malloc'd, may be NULL when len
 * is 0).  A name that is empty, absolute, has a ".." or "." part, a
 * backslash or a control character, or is already in the archive is
 * reported and refused with -1 (data is freed).
 */
int		 archive_add(struct archive *, const char *name, void *data,
		    size_t len, enum archivecomp);
/* The archive's bytes (malloc'd) without writing it; -1 after reporting. */
int		 archive_bytes(struct archive *, char **out, size_t *len);
/* Write the archive; -1 after reporting.  *size gets its bytes. */
int		 archive_write(struct archive *, size_t *size);
void		 archive_free(struct archive *);

/*
 * Read a whole archive into memory (at most ARCHIVE_READ_MAX bytes
 * unpacked, against zip bombs); NULL after reporting.  Entries keep
 * their names as stored, safe or not: archive_bad_name() says why one
 * is unsafe, or returns NULL.
 */
#define ARCHIVE_READ_MAX	((size_t)1 << 30)
struct archive	*archive_read(const char *path);
size_t		 archive_count(const struct archive *);
const char	*archive_name(const struct archive *, size_t);
const void	*archive_data(const struct archive *, size_t, size_t *len);
const char	*archive_bad_name(const char *);

#endif
