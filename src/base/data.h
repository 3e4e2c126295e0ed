/*
 * data.h: finds opas's data files (schema, ITS rules, stylesheets).
 *
 * Search order: $OPAS_DATADIR, the installed $(pkgdatadir), then the
 * source tree opas was built from (so an uninstalled src/opas works).
 * data_find() returns a path the caller frees, or NULL.
 */
#ifndef OPAS_DATA_H
#define OPAS_DATA_H

struct buf;

char	*data_find(const char *);
/* Append a data file's bytes to the buffer; -1 after reporting. */
int	 data_read(const char *, struct buf *);
/* Any file, whole; -1 with errno set, reporting nothing. */
int	 file_read(const char *, struct buf *);

#endif
