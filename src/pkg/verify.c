/*
 * verify.c: checking a release, an unpacked package or a package file
 * (see verify.h).  Every failure is reported with the file it concerns,
 * and checking goes on, so one run names every bad file.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/archive.h"
#include "base/buf.h"
#include "base/data.h"
#include "base/intl.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/sha256.h"
#include "pkg/minisign.h"
#include "pkg/verify.h"

/* Where the files come from: a folder, or the top folder of a zip. */
struct	source {
	const char		*label;	/* the folder or the zip file */
	const char		*dir;	/* a folder, or NULL */
	const struct archive	*ar;	/* a zip, or NULL */
	const char		*top;	/* in a zip: "name/" or "" */
	char			**listed;
	size_t			 nlisted;
	size_t			 bad, good;
};

/* The bytes of a file of the source: 0, or -1 when it is missing. */
static int
get(const struct source *s, const char *name, struct buf *b)
{
	if (s->dir != NULL) {
		char	*path = xasprintf("%s/%s", s->dir, name);
		int	 rc = file_read(path, b);

		free(path);
		return rc;
	}
	for (size_t i = 0; i < archive_count(s->ar); i++) {
		const char	*n = archive_name(s->ar, i);
		size_t		 tl = strlen(s->top), len;
		const void	*data;

		if (strncmp(n, s->top, tl) == 0 && strcmp(n + tl, name) == 0) {
			data = archive_data(s->ar, i, &len);
			buf_add(b, data, len);
			return 0;
		}
	}
	return -1;
}

/* "label/name" for messages (malloc'd); a zip's label gets a colon. */
static char *
where(const struct source *s, const char *name)
{
	return xasprintf(s->dir != NULL ? "%s/%s%s" : "%s:%s%s", s->label,
	    s->dir != NULL ? "" : s->top, name);
}

static int	verify_zip(const char *, const struct mspub *, int);

/* Check every line of SHA256SUMS against the source. */
static void
check_sums(struct source *s, const char *sums, size_t len,
    const struct mspub *pub)
{
	const char	*p = sums, *end = sums + len;
	char		*sumsfile = where(s, "SHA256SUMS");
	int		 lineno = 0;

	while (p < end) {
		const char	*nl = memchr(p, '\n', (size_t)(end - p));
		size_t		 n = (size_t)((nl == NULL ? end : nl) - p);
		char		*line = xstrndup(p, n), *name, *w;
		char		 sha[2 * SHA256_LEN + 1];
		struct buf	 b = { 0 };

		p = nl == NULL ? end : nl + 1;
		lineno++;
		if (n == 0) {
			free(line);
			continue;
		}
		if (n < 2 * SHA256_LEN + 3 || line[2 * SHA256_LEN] != ' ' ||
		    (line[2 * SHA256_LEN + 1] != ' ' &&
		    line[2 * SHA256_LEN + 1] != '*') ||
		    strspn(line, "0123456789abcdef") != 2 * SHA256_LEN) {
			msg(MSG_VERIFY_LINE, sumsfile, lineno, 0);
			s->bad++;
			free(line);
			continue;
		}
		line[2 * SHA256_LEN] = '\0';
		name = line + 2 * SHA256_LEN + 2;
		if (archive_bad_name(name) != NULL) {
			msg(MSG_VERIFY_NAME, sumsfile, lineno, 0, name);
			s->bad++;
			free(line);
			continue;
		}
		s->listed = xreallocarray(s->listed, s->nlisted + 1,
		    sizeof(*s->listed));
		s->listed[s->nlisted++] = xstrdup(name);
		w = where(s, name);
		if (get(s, name, &b) == -1) {
			msg(MSG_VERIFY_MISSING, w, 0, 0);
			s->bad++;
		} else {
			sha256_hex(b.data, b.len, sha);
			if (strcmp(sha, line) != 0) {
				msg(MSG_VERIFY_SUM, w, 0, 0);
				s->bad++;
			} else {
				s->good++;
				n = strlen(name);
				/* A release's packages are checked inside. */
				if (s->dir != NULL && n > 4 &&
				    strcmp(name + n - 4, ".zip") == 0 &&
				    verify_zip(w, pub, 1) != 0)
					s->bad++;
			}
		}
		buf_free(&b);
		free(w);
		free(line);
	}
	free(sumsfile);
}

static int
is_listed(const struct source *s, const char *name)
{
	if (strcmp(name, "SHA256SUMS") == 0 ||
	    strcmp(name, "SHA256SUMS.minisig") == 0)
		return 1;
	for (size_t i = 0; i < s->nlisted; i++)
		if (strcmp(s->listed[i], name) == 0)
			return 1;
	return 0;
}

/* Warn of the folder's files that nothing vouches for. */
static void
extra_files(struct source *s, const char *rel)
{
	struct dirent	*de;
	struct stat	 st;
	DIR		*d;
	char		*path;

	path = *rel == '\0' ? xstrdup(s->dir) :
	    xasprintf("%s/%s", s->dir, rel);
	if ((d = opendir(path)) == NULL) {
		free(path);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		char *sub, *full;

		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		sub = *rel == '\0' ? xstrdup(de->d_name) :
		    xasprintf("%s/%s", rel, de->d_name);
		full = xasprintf("%s/%s", path, de->d_name);
		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode))
			extra_files(s, sub);
		else if (!is_listed(s, sub))
			msg(MSG_VERIFY_EXTRA, full, 0, 0);
		free(sub);
		free(full);
	}
	closedir(d);
	free(path);
}

/*
 * The signature and the checksums of one source.  pub is the key to
 * trust, or NULL to take the source's own minisign.pub (and say so).
 */
static int
verify_source(struct source *s, const struct mspub *pub, int quiet)
{
	struct buf	 sums = { 0 }, sig = { 0 }, pubtext = { 0 };
	struct mspub	 own;
	const char	*why;
	char		*w, id[2 * MS_KEYNUM + 1], *trusted = NULL;
	int		 rc;

	if (get(s, "SHA256SUMS", &sums) == -1 ||
	    get(s, "SHA256SUMS.minisig", &sig) == -1 ||
	    (pub == NULL && get(s, "minisign.pub", &pubtext) == -1)) {
		msg(MSG_VERIFY_NOSIG, s->label, 0, 0);
		buf_free(&sums);
		buf_free(&sig);
		return OPAS_EXIT_ERROR;
	}
	if (pub == NULL) {
		w = where(s, "minisign.pub");
		if ((why = ms_pub_parse(pubtext.data, pubtext.len, &own)) !=
		    NULL) {
			msg(MSG_KEY, w, 0, 0, why);
			s->bad++;
		} else {
			ms_keyid(own.keynum, id);
			msg(MSG_VERIFY_KEYSRC, w, 0, 0, id);
			pub = &own;
		}
		free(w);
	}
	if (pub != NULL) {
		w = where(s, "SHA256SUMS.minisig");
		if ((why = ms_verify(pub, sums.data, sums.len, sig.data,
		    sig.len, &trusted)) != NULL) {
			msg(MSG_VERIFY_SIG, w, 0, 0, why);
			s->bad++;
		}
		free(w);
		check_sums(s, sums.data, sums.len, pub);
	}
	if (s->dir != NULL)
		extra_files(s, "");
	else
		for (size_t i = 0; i < archive_count(s->ar); i++) {
			const char *n = archive_name(s->ar, i);
			size_t tl = strlen(s->top);

			if (strncmp(n, s->top, tl) != 0 ||
			    !is_listed(s, n + tl)) {
				w = xasprintf("%s:%s", s->label, n);
				msg(MSG_VERIFY_EXTRA, w, 0, 0);
				free(w);
			}
		}
	ms_keyid(pub != NULL ? pub->keynum : (const unsigned char *)
	    "\0\0\0\0\0\0\0\0", id);
	if (s->bad == 0 && !quiet)
		printf(_("  verify   %s: good signature (key %s), %zu files "
		    "unchanged\n"), s->label, id, s->good);
	else if (s->bad > 0 && !quiet)
		printf(ngettext("  verify   %s: %zu problem; do not use it\n",
		    "  verify   %s: %zu problems; do not use it\n", s->bad),
		    s->label, s->bad);
	rc = s->bad > 0 ? OPAS_EXIT_ERROR : OPAS_EXIT_OK;
	for (size_t i = 0; i < s->nlisted; i++)
		free(s->listed[i]);
	free(s->listed);
	free(trusted);
	buf_free(&sums);
	buf_free(&sig);
	buf_free(&pubtext);
	return rc;
}

static int
verify_zip(const char *path, const struct mspub *pub, int quiet)
{
	struct source	 s;
	struct archive	*ar;
	char		*top = NULL;
	int		 rc;

	if ((ar = archive_read(path)) == NULL)
		return OPAS_EXIT_ERROR;
	/* The package's files sit in one top folder, beside SHA256SUMS. */
	for (size_t i = 0; i < archive_count(ar); i++) {
		const char	*n = archive_name(ar, i), *slash;

		if ((slash = strchr(n, '/')) != NULL &&
		    strcmp(slash + 1, "SHA256SUMS") == 0) {
			top = xstrndup(n, (size_t)(slash - n) + 1);
			break;
		}
	}
	memset(&s, 0, sizeof(s));
	s.label = path;
	s.ar = ar;
	s.top = top == NULL ? "" : top;
	rc = verify_source(&s, pub, quiet);
	free(top);
	archive_free(ar);
	return rc;
}

int
verify_path(const char *path, const char *pubkey)
{
	struct mspub	 pub, *pp = NULL;
	struct source	 s;
	struct stat	 st;
	struct buf	 b = { 0 };
	const char	*why;

	if (pubkey != NULL) {
		if (file_read(pubkey, &b) == -1) {
			msg(MSG_OPEN, pubkey, 0, 0, strerror(errno));
			return OPAS_EXIT_ERROR;
		}
		why = ms_pub_parse(b.data, b.len, &pub);
		buf_free(&b);
		if (why != NULL) {
			msg(MSG_KEY, pubkey, 0, 0, why);
			return OPAS_EXIT_ERROR;
		}
		pp = &pub;
	}
	if (stat(path, &st) == -1) {
		msg(MSG_OPEN, path, 0, 0, strerror(errno));
		return OPAS_EXIT_ERROR;
	}
	if (!S_ISDIR(st.st_mode))
		return verify_zip(path, pp, 0);
	memset(&s, 0, sizeof(s));
	s.label = path;
	s.dir = path;
	return verify_source(&s, pp, 0);
}
