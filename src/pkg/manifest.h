/*
 * manifest.h: the distribution manifest, dist/authorities.xml: who
 * receives which editions.  opas check -m and opas dist read it.
 */
#ifndef OPAS_MANIFEST_H
#define OPAS_MANIFEST_H

#include <stddef.h>

struct lang;

enum	format {
	FORMAT_HTML,
	FORMAT_EPUB,
	FORMAT_PDF,
	FORMAT_PRINT,		/* printed copies and the A4 print PDF */
	FORMAT__MAX
};

struct	edition {
	const struct lang	*lang;
	enum format		 format;
	unsigned long		 copies;	/* FORMAT_PRINT only */
	int			 line;
};

struct	authority {
	char		*id;
	char		*type;
	int		 statutory;	/* Migri, DVV or a mission */
	char		*municipality;	/* "091", or NULL */
	char		*country;	/* "IN", or NULL */
	char		*name_fi, *name_sv, *name_en;
	char		*email;
	struct edition	*ed;		/* in the manifest's order */
	size_t		 ned;
	int		 line;
};

struct	manifest {
	char		 *path;
	struct authority *v;
	size_t		  n;
};

/*
 * Read and check a manifest: the schema (schema/authorities.rng), then
 * unique ids, safe ids, one entry per language and format, print only
 * for statutory distributors, and languages among avail (the editions
 * that exist; any known language when avail is NULL).  NULL after
 * reporting every problem found.
 */
struct manifest	*manifest_read(const char *path,
		    const struct lang *const *avail, size_t navail);
void		 manifest_free(struct manifest *);
const char	*format_name(enum format);
/* An id that is safe as a file name: [a-z0-9]+(-[a-z0-9]+)*, <= 48. */
int		 manifest_id_ok(const char *);

#endif
