/*
 * archive.c: reproducible zip archives with libzip (see archive.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "base/archive.h"
#include "base/intl.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/wfile.h"

struct	entry {
	char			*name;
	void			*data;
	size_t			 len;
	enum archivecomp	 comp;
};

struct	archive {
	char		*path;
	time_t		 epoch;
	struct entry	*v;
	size_t		 n;
};

struct archive *
archive_new(const char *path, time_t epoch)
{
	struct archive	*a = xcalloc(1, sizeof(*a));

	a->path = xstrdup(path);
	a->epoch = epoch;
	return a;
}

void
archive_free(struct archive *a)
{
	if (a == NULL)
		return;
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].name);
		free(a->v[i].data);
	}
	free(a->v);
	free(a->path);
	free(a);
}

/* Why a name is unsafe inside an archive, or NULL. */
const char *
archive_bad_name(const char *name)
{
	const char	*p, *part;

	if (*name == '\0')
		return N_("empty");
	if (*name == '/')
		return N_("absolute");
	for (p = name; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return N_("control character");
		else if (*p == '\\')
			return N_("backslash");
	for (part = name; part != NULL; part = p == NULL ? NULL : p + 1) {
		size_t	 len;

		p = strchr(part, '/');
		len = p == NULL ? strlen(part) : (size_t)(p - part);
		if (len == 0)
			return N_("empty part");
		if ((len == 1 && part[0] == '.') ||
		    (len == 2 && part[0] == '.' && part[1] == '.'))
			return N_("\".\" or \"..\" part");
	}
	return NULL;
}

int
archive_add(struct archive *a, const char *name, void *data, size_t len,
    enum archivecomp comp)
{
	const char	*why;

	if ((why = archive_bad_name(name)) == NULL)
		for (size_t i = 0; i < a->n; i++)
			if (strcmp(a->v[i].name, name) == 0) {
				why = N_("already in the archive");
				break;
			}
	if (why != NULL) {
		msg(MSG_ARCHIVE_NAME, a->path, 0, 0, name, _(why));
		free(data);
		return -1;
	}
	a->v = xreallocarray(a->v, a->n + 1, sizeof(*a->v));
	a->v[a->n].name = xstrdup(name);
	a->v[a->n].data = data;
	a->v[a->n].len = len;
	a->v[a->n].comp = comp;
	a->n++;
	return 0;
}

/* The epoch as an MS-DOS date and time, in UTC, within 1980-2107. */
static void
dos_time(time_t t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	struct tm	 tm;

	if (gmtime_r(&t, &tm) == NULL || tm.tm_year < 80) {
		memset(&tm, 0, sizeof(tm));
		tm.tm_year = 80;
		tm.tm_mday = 1;
	} else if (tm.tm_year > 207) {
		tm.tm_year = 207;
		tm.tm_mon = 11;
		tm.tm_mday = 31;
		tm.tm_hour = 23;
		tm.tm_min = 59;
		tm.tm_sec = 58;
	}
	*dtime = (zip_uint16_t)(tm.tm_hour << 11 | tm.tm_min << 5 |
	    tm.tm_sec / 2);
	*ddate = (zip_uint16_t)((tm.tm_year - 80) << 9 |
	    (tm.tm_mon + 1) << 5 | tm.tm_mday);
}

static void
zip_failed(const struct archive *a, zip_error_t *ze)
{
	msg(MSG_ARCHIVE, a->path, 0, 0, zip_error_strerror(ze));
}

/* Build the archive into memory: *out (malloc'd) and *len. */
static int
build(struct archive *a, char **out, size_t *len)
{
	zip_error_t	 ze;
	zip_source_t	*mem, *s;
	zip_stat_t	 st;
	zip_t		*za;
	zip_uint16_t	 dtime, ddate;
	zip_int64_t	 idx, got;
	int		 rc = -1;

	*out = NULL;
	*len = 0;
	zip_error_init(&ze);
	if ((mem = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL) {
		zip_failed(a, &ze);
		zip_error_fini(&ze);
		return -1;
	}
	zip_source_keep(mem);
	if ((za = zip_open_from_source(mem, ZIP_TRUNCATE, &ze)) == NULL) {
		zip_failed(a, &ze);
		goto out;
	}
	dos_time(a->epoch, &dtime, &ddate);
	for (size_t i = 0; i < a->n; i++) {
		struct entry	*e = &a->v[i];

		if ((s = zip_source_buffer(za, e->data, e->len, 0)) == NULL ||
		    (idx = zip_file_add(za, e->name, s,
		    ZIP_FL_ENC_UTF_8)) < 0) {
			zip_source_free(s);
			zip_failed(a, zip_get_error(za));
			zip_discard(za);
			goto out;
		}
		if (zip_set_file_compression(za, (zip_uint64_t)idx,
		    e->comp == ARCHIVE_STORE ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
		    e->comp == ARCHIVE_STORE ? 0 : 6) == -1 ||
		    zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate,
		    0) == -1 ||
		    zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0,
		    ZIP_OPSYS_UNIX, (zip_uint32_t)0100644 << 16) == -1) {
			zip_failed(a, zip_get_error(za));
			zip_discard(za);
			goto out;
		}
	}
	if (zip_close(za) == -1) {
		zip_failed(a, zip_get_error(za));
		zip_discard(za);
		goto out;
	}
	/* Read the finished archive back out of memory. */
	if (zip_source_stat(mem, &st) == -1 || zip_source_open(mem) == -1) {
		zip_failed(a, zip_source_error(mem));
		goto out;
	}
	*out = xmalloc(st.size > 0 ? (size_t)st.size : 1);
	got = zip_source_read(mem, *out, st.size);
	zip_source_close(mem);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		zip_failed(a, zip_source_error(mem));
		free(*out);
		*out = NULL;
		goto out;
	}
	*len = (size_t)st.size;
	rc = 0;
out:
	zip_source_free(mem);
	zip_error_fini(&ze);
	return rc;
}

int
archive_bytes(struct archive *a, char **out, size_t *len)
{
	return build(a, out, len);
}

int
archive_write(struct archive *a, size_t *size)
{
	char	*bytes;
	size_t	 len;
	int	 rc;

	if (build(a, &bytes, &len) == -1)
		return -1;
	rc = wfile_write(a->path, bytes, len);
	free(bytes);
	if (rc == 0 && size != NULL)
		*size = len;
	return rc;
}

struct archive *
archive_read(const char *path)
{
	struct archive	*a;
	zip_t		*za;
	zip_file_t	*zf;
	zip_stat_t	 st;
	zip_int64_t	 n, got;
	size_t		 total = 0;
	int		 err;

	if ((za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &err)) == NULL) {
		zip_error_t	 ze;

		zip_error_init_with_code(&ze, err);
		msg(MSG_ARCHIVE_READ, path, 0, 0, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	a = archive_new(path, 0);
	n = zip_get_num_entries(za, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		struct entry	*e;

		if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) == -1 ||
		    (st.valid & (ZIP_STAT_NAME | ZIP_STAT_SIZE)) !=
		    (ZIP_STAT_NAME | ZIP_STAT_SIZE))
			goto fail;
		if (st.size > ARCHIVE_READ_MAX - total) {
			msg(MSG_ARCHIVE_READ, path, 0, 0,
			    _("it unpacks to more than 1 GiB"));
			goto bad;
		}
		total += (size_t)st.size;
		a->v = xreallocarray(a->v, a->n + 1, sizeof(*a->v));
		e = &a->v[a->n++];
		e->name = xstrdup(st.name);
		e->len = (size_t)st.size;
		e->data = xmalloc(e->len > 0 ? e->len : 1);
		e->comp = ARCHIVE_DEFLATE;
		if ((zf = zip_fopen_index(za, (zip_uint64_t)i, 0)) == NULL)
			goto fail;
		got = zip_fread(zf, e->data, st.size);
		if (got < 0 || (zip_uint64_t)got != st.size) {
			zip_fclose(zf);
			goto fail;
		}
		if (zip_fclose(zf) != 0)
			goto fail;	/* a CRC error shows here */
	}
	zip_discard(za);
	return a;
fail:
	msg(MSG_ARCHIVE_READ, path, 0, 0, zip_strerror(za));
bad:
	zip_discard(za);
	archive_free(a);
	return NULL;
}

size_t
archive_count(const struct archive *a)
{
	return a->n;
}

const char *
archive_name(const struct archive *a, size_t i)
{
	return a->v[i].name;
}

const void *
archive_data(const struct archive *a, size_t i, size_t *len)
{
	*len = a->v[i].len;
	return a->v[i].data;
}
