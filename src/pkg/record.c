/*
 * record.c: the delivery record (see record.h).
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "base/data.h"
#include "base/intl.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/sha256.h"
#include "base/wfile.h"
#include "doc/doc.h"
#include "pkg/manifest.h"
#include "pkg/record.h"
#include "pkg/release.h"

static const char record_header[] =
	"# dist/deliveries: what each authority was last sent.  Written by\n"
	"# \"opas dist record AUTHORITY EDITION\"; read by \"opas dist "
	"status\".\n"
	"# authority                  edition  date        SHA-256 of the "
	"package\n";

struct	rline {
	char	*text;		/* the line as read, without newline */
	char	*id, *edition, *date, *sha;	/* NULL: comment or blank */
	int	 lineno;
};

struct	record {
	struct rline	*v;
	size_t		 n;
};

static void
record_free(struct record *rec)
{
	for (size_t i = 0; i < rec->n; i++) {
		free(rec->v[i].text);
		free(rec->v[i].id);
		free(rec->v[i].edition);
		free(rec->v[i].date);
		free(rec->v[i].sha);
	}
	free(rec->v);
}

static int
is_date(const char *s)
{
	struct tm	 tm;
	const char	*end;

	memset(&tm, 0, sizeof(tm));
	return strlen(s) == 10 && (end = strptime(s, "%Y-%m-%d", &tm)) !=
	    NULL && *end == '\0';
}

static int
is_sha(const char *s)
{
	if (strlen(s) != 2 * SHA256_LEN)
		return 0;
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s) && !(*s >= 'a' && *s <= 'f'))
			return 0;
	return 1;
}

/* Read the record; a missing file is an empty record.  -1 on errors. */
static int
record_read(const char *path, struct record *rec)
{
	struct buf	 b = { 0 };
	char		*p, *nl;
	int		 lineno = 0, bad = 0;

	memset(rec, 0, sizeof(*rec));
	if (file_read(path, &b) == -1) {
		if (errno == ENOENT)
			return 0;
		msg(MSG_OPEN, path, 0, 0, strerror(errno));
		return -1;
	}
	for (p = b.data; p != NULL && p < b.data + b.len; p = nl) {
		struct rline	*l;
		char		*f[5], *save, *copy;
		int		 nf = 0;

		if ((nl = strchr(p, '\n')) != NULL)
			*nl++ = '\0';
		rec->v = xreallocarray(rec->v, rec->n + 1, sizeof(*rec->v));
		l = &rec->v[rec->n++];
		memset(l, 0, sizeof(*l));
		l->text = xstrdup(p);
		l->lineno = ++lineno;
		copy = xstrdup(p);
		if ((save = strchr(copy, '#')) != NULL)
			*save = '\0';
		for (char *t = strtok_r(copy, " \t\r", &save);
		    t != NULL && nf < 5; t = strtok_r(NULL, " \t\r", &save))
			f[nf++] = t;
		if (nf == 0) {
			free(copy);
			continue;
		}
		if (nf != 4 || !manifest_id_ok(f[0]) ||
		    !manifest_id_ok(f[1]) || !is_date(f[2]) ||
		    !is_sha(f[3])) {
			msg(MSG_RECORD_LINE, path, lineno, 0);
			bad++;
		} else {
			l->id = xstrdup(f[0]);
			l->edition = xstrdup(f[1]);
			l->date = xstrdup(f[2]);
			l->sha = xstrdup(f[3]);
		}
		free(copy);
	}
	buf_free(&b);
	return bad > 0 ? -1 : 0;
}

static const struct rline *
record_find(const struct record *rec, const char *id)
{
	const struct rline	*found = NULL;

	/* The last line of an authority is its latest delivery. */
	for (size_t i = 0; i < rec->n; i++)
		if (rec->v[i].id != NULL && strcmp(rec->v[i].id, id) == 0)
			found = &rec->v[i];
	return found;
}

/* The authority's package of an edition in outdir, or NULL. */
static char *
find_package(const char *outdir, const char *id, const char *edition)
{
	struct dirent	*de;
	DIR		*d;
	char		*dir, *tail, *found = NULL;
	size_t		 tl;

	dir = xasprintf("%s/%s", outdir, id);
	tail = xasprintf("-%s-%s.zip", edition, id);
	tl = strlen(tail);
	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			size_t n = strlen(de->d_name);

			if (n > tl && strcmp(de->d_name + n - tl, tail) == 0) {
				found = xasprintf("%s/%s", dir, de->d_name);
				break;
			}
		}
		closedir(d);
	}
	free(dir);
	free(tail);
	return found;
}

static int
file_sha(const char *path, char out[2 * SHA256_LEN + 1])
{
	struct buf	 b = { 0 };

	if (file_read(path, &b) == -1) {
		msg(MSG_OPEN, path, 0, 0, strerror(errno));
		return -1;
	}
	sha256_hex(b.data, b.len, out);
	buf_free(&b);
	return 0;
}

static const struct authority *
find_authority(const struct manifest *m, const char *id)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->v[i].id, id) == 0)
			return &m->v[i];
	return NULL;
}

int
record_delivery(const char *manifest, const char *record,
    const char *outdir, const char *id, const char *edition,
    const char *date)
{
	struct manifest	*m;
	struct record	 rec;
	struct buf	 out = { 0 };
	char		*pkg = NULL, sha[2 * SHA256_LEN + 1], today[11];
	char		*line;
	int		 done = 0, rc = OPAS_EXIT_ERROR;

	if ((m = manifest_read(manifest, NULL, 0)) == NULL)
		return OPAS_EXIT_ERROR;
	if (record_read(record, &rec) == -1)
		goto out;
	if (find_authority(m, id) == NULL) {
		msg(MSG_RECORD_UNKNOWN, NULL, 0, 0, id, manifest);
		goto out;
	}
	if (date == NULL) {
		time_t		 now = time(NULL);
		struct tm	 tm;

		gmtime_r(&now, &tm);
		strftime(today, sizeof(today), "%Y-%m-%d", &tm);
		date = today;
	} else if (!is_date(date)) {
		msg(MSG_RECORD_LINE, NULL, 0, 0);
		goto out;
	}
	if (!manifest_id_ok(edition) ||
	    (pkg = find_package(outdir, id, edition)) == NULL) {
		msg(MSG_RECORD_NOPKG, outdir, 0, 0, edition);
		goto out;
	}
	if (file_sha(pkg, sha) == -1)
		goto out;
	line = xasprintf("%-28s %-8s %s  %s", id, edition, date, sha);
	if (rec.n == 0)
		buf_adds(&out, record_header);
	for (size_t i = 0; i < rec.n; i++) {
		const struct rline *l = &rec.v[i];

		if (l->id != NULL && strcmp(l->id, id) == 0) {
			if (!done++)
				buf_addf(&out, "%s\n", line);
		} else
			buf_addf(&out, "%s\n", l->text);
	}
	if (!done)
		buf_addf(&out, "%s\n", line);
	free(line);
	if (wfile_write(record, out.data, out.len) == 0) {
		printf(_("  record   %s: %s sent on %s (%s)\n"), id, edition,
		    date, pkg);
		rc = msg_exit_status();
	}
out:
	buf_free(&out);
	free(pkg);
	record_free(&rec);
	manifest_free(m);
	return rc;
}

int
record_status(const char *manifest, const char *record, const char *outdir,
    const char *source)
{
	struct manifest	*m;
	struct record	 rec;
	struct doc	*d;
	char		*edition = NULL;
	size_t		 behind = 0, never = 0;
	int		 rc = OPAS_EXIT_ERROR;

	if ((d = doc_read(source)) == NULL)
		return OPAS_EXIT_ERROR;
	if ((edition = release_edition(d)) == NULL) {
		msg(MSG_DIST_NO_EDITION_ID, source, 0, 0);
		doc_free(d);
		return OPAS_EXIT_ERROR;
	}
	doc_free(d);
	if ((m = manifest_read(manifest, NULL, 0)) == NULL) {
		free(edition);
		return OPAS_EXIT_ERROR;
	}
	if (record_read(record, &rec) == -1)
		goto out;
	printf("%-28s %-8s %-10s  %s\n", _("authority"), _("sent"),
	    _("date"), _("state"));
	for (size_t i = 0; i < m->n; i++) {
		const struct authority	*a = &m->v[i];
		const struct rline	*l = record_find(&rec, a->id);
		char			*pkg, sha[2 * SHA256_LEN + 1];

		printf("%-28s %-8s %-10s  ", a->id,
		    l == NULL ? "-" : l->edition, l == NULL ? "-" : l->date);
		pkg = find_package(outdir, a->id, edition);
		if (l == NULL) {
			never++;
			printf(_("never sent; edition %s is current\n"),
			    edition);
		} else if (strcmp(l->edition, edition) != 0) {
			behind++;
			printf(_("out of date: edition %s is current\n"),
			    edition);
		} else if (pkg != NULL && file_sha(pkg, sha) == 0 &&
		    strcmp(sha, l->sha) != 0) {
			behind++;
			printf(_("out of date: its package of edition %s "
			    "changed since it was sent\n"), edition);
		} else
			printf(_("up to date\n"));
		free(pkg);
	}
	for (size_t i = 0; i < rec.n; i++)
		if (rec.v[i].id != NULL &&
		    find_authority(m, rec.v[i].id) == NULL)
			printf(_("%-28s %-8s %-10s  not in %s any more\n"),
			    rec.v[i].id, rec.v[i].edition, rec.v[i].date,
			    manifest);
	printf(_("%zu of %zu authorities are out of date, %zu never got "
	    "edition %s.\n"), behind + never, m->n, never, edition);
	rc = msg_exit_status();
out:
	record_free(&rec);
	manifest_free(m);
	free(edition);
	return rc;
}
