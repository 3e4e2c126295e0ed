/*
 * release.h: a signed release for the authorities (opas dist).
 *
 * release_build() reads the manifest, the guide (for the edition and
 * each language's translation level) and the built edition files,
 * and writes into a new folder beside the output folder: one package
 * per authority, manifest.json, index.html, feed.atom, minisign.pub,
 * SHA256SUMS and its signature.  Only when all of it is complete does
 * the new folder take the output folder's place, in one rename; a
 * failed run leaves the previous release as it was.
 */
#ifndef OPAS_RELEASE_H
#define OPAS_RELEASE_H

#include <stddef.h>
#include <time.h>

#include "base/sha256.h"
#include "pkg/manifest.h"

struct doc;
struct lang;
struct mskey;

struct	release_opts {
	const char	*manifest;	/* dist/authorities.xml */
	const char	*outdir;	/* out/dist */
	const char	*editions;	/* out: where opas build wrote */
	const char	*source;	/* guide/guide.xml */
	const char	*podir;		/* po */
	const char	*keyfile;	/* the minisign secret key */
};

/* One language of the guide and whether it is published. */
struct	rlang {
	const struct lang	*lang;
	double			 percent;
	double			 threshold;
	int			 held;		/* below its threshold */
};

/* A file of an edition, read once, shared by every package. */
struct	rfile {
	char		*name;		/* in a package: "pdf/x-fi.pdf" */
	char		*data;
	size_t		 len;
	char		 sha[2 * SHA256_LEN + 1];
};

/* One edition in one authority's package, or held back from it. */
struct	rent {
	const struct edition	*ed;
	const struct rlang	*rl;
	struct rfile		**files;	/* NULL when held back */
	size_t			  nfiles;
	size_t			  size;		/* of its files */
};

struct	rpkg {
	const struct authority	*a;
	struct rent		*ents;
	size_t			 nents;
	char			*file;	/* "ID/BOOK-EDITION-ID.zip", or NULL */
	size_t			 size;
	char			 sha[2 * SHA256_LEN + 1];
};

struct	release {
	const struct release_opts *o;
	struct doc		*doc;
	char			*book;		/* "welcome-to-finland" */
	char			*title;
	char			*publisher;
	char			*edition;	/* "2026" */
	char			 date[11];	/* "2026-11-01" */
	time_t			 epoch;
	struct manifest		*m;
	struct rlang		*langs;
	size_t			 nlangs;
	struct rfile		**files;
	size_t			 nfiles;
	struct rpkg		*pkgs;
	size_t			 npkgs;
	struct mskey		*key;
	char			 keyid[17];
	int			 devkey;
	char			*pubtext;	/* minisign.pub */
	char			*stage;		/* the folder being written */
};

/* opas dist: the exit status. */
int	 release_build(const struct release_opts *);

/* The guide's edition id ("2026") if it can be a file name, else NULL. */
char	*release_edition(const struct doc *);
/* "ID/BOOK-EDITION-ID.zip" (malloc'd). */
char	*release_package_name(const char *book, const char *edition,
	    const char *id);

/* portal.c: the release's description files, into r->stage. */
int	 portal_manifest_json(const struct release *);
int	 portal_index_html(const struct release *);
int	 portal_feed(const struct release *);
const char *portal_format_label(enum format);

#endif
