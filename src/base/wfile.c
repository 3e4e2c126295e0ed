/*
 * wfile.c: temporary file, then rename (see wfile.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


#include "base/mem.h"
#include "base/msg.h"
#include "base/wfile.h"

struct wfile *
wfile_open(const char *path)
{
	struct wfile	*wf;
	struct stat	 st;
	int		 fd = -1;

	wf = xcalloc(1, sizeof(*wf));
	wf->path = xstrdup(path);
	if (strcmp(path, "-") == 0) {
		wf->f = stdout;
		return wf;
	}
	/*
	 * A device or a pipe (-o /dev/null) is written as it is: renaming
	 * a file over it would replace the device.
	 */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)) {
		if ((wf->f = fopen(path, "w")) == NULL) {
			msg(MSG_WRITE, path, 0, 0, strerror(errno));
			free(wf->path);
			free(wf);
			return NULL;
		}
		wf->direct = 1;
		return wf;
	}
	wf->tmp = xasprintf("%s.tmpXXXXXX", path);
	if ((fd = mkstemp(wf->tmp)) == -1 ||
	    (wf->f = fdopen(fd, "w")) == NULL) {
		msg(MSG_WRITE, path, 0, 0, strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(wf->tmp);
		}
		free(wf->tmp);
		free(wf->path);
		free(wf);
		return NULL;
	}
	(void)fchmod(fd, 0644);
	return wf;
}

int
wfile_commit(struct wfile *wf)
{
	int	 rc = 0;

	if (wf->tmp == NULL) {
		if (fflush(wf->f) == EOF || ferror(wf->f)) {
			msg(MSG_WRITE, wf->path, 0, 0, strerror(errno));
			rc = -1;
		}
		if (wf->direct && fclose(wf->f) == EOF && rc == 0) {
			msg(MSG_WRITE, wf->path, 0, 0, strerror(errno));
			rc = -1;
		}
	} else {
		if (ferror(wf->f) || fflush(wf->f) == EOF ||
		    fsync(fileno(wf->f)) == -1) {
			msg(MSG_WRITE, wf->path, 0, 0, strerror(errno));
			fclose(wf->f);
			unlink(wf->tmp);
			rc = -1;
		} else if (fclose(wf->f) == EOF ||
		    rename(wf->tmp, wf->path) == -1) {
			msg(MSG_WRITE, wf->path, 0, 0, strerror(errno));
			unlink(wf->tmp);
			rc = -1;
		}
		free(wf->tmp);
	}
	free(wf->path);
	free(wf);
	return rc;
}

void
wfile_abort(struct wfile *wf)
{
	if (wf == NULL)
		return;
	if (wf->tmp != NULL) {
		fclose(wf->f);
		unlink(wf->tmp);
		free(wf->tmp);
	} else if (wf->direct)
		fclose(wf->f);
	free(wf->path);
	free(wf);
}

/* wfile_open() with data written; NULL after reporting. */
static struct wfile *
open_written(const char *path, const void *data, size_t len)
{
	struct wfile	*wf;

	if ((wf = wfile_open(path)) == NULL)
		return NULL;
	if (len > 0 && fwrite(data, 1, len, wf->f) != len) {
		msg(MSG_WRITE, path, 0, 0, strerror(errno));
		wfile_abort(wf);
		return NULL;
	}
	return wf;
}

int
wfile_write(const char *path, const void *data, size_t len)
{
	struct wfile	*wf;

	if ((wf = open_written(path, data, len)) == NULL)
		return -1;
	return wfile_commit(wf);
}

int
wbatch_add(struct wbatch *wb, const char *path, const void *data,
    size_t len)
{
	struct wfile	*wf;

	if ((wf = open_written(path, data, len)) == NULL)
		return -1;
	/* Standard output or a device: written now, nothing to rename. */
	if (wf->tmp == NULL)
		return wfile_commit(wf);
	if (fflush(wf->f) == EOF || ferror(wf->f)) {
		msg(MSG_WRITE, path, 0, 0, strerror(errno));
		wfile_abort(wf);
		return -1;
	}
	wb->v = xreallocarray(wb->v, wb->n + 1, sizeof(*wb->v));
	wb->v[wb->n++] = wf;
	return 0;
}

int
wbatch_commit(struct wbatch *wb)
{
	int	 rc = 0;

	/* Every file's data and its temporary name, with one sync. */
	if (wb->n > 0 && syncfs(fileno(wb->v[0]->f)) == -1) {
		msg(MSG_WRITE, wb->v[0]->path, 0, 0, strerror(errno));
		wbatch_abort(wb);
		return -1;
	}
	for (size_t i = 0; i < wb->n; i++) {
		struct wfile	*wf = wb->v[i];

		if (rc == 0 && (fclose(wf->f) == EOF ||
		    rename(wf->tmp, wf->path) == -1)) {
			msg(MSG_WRITE, wf->path, 0, 0, strerror(errno));
			rc = -1;
		} else if (rc != 0)
			fclose(wf->f);
		if (rc != 0)
			unlink(wf->tmp);
		free(wf->tmp);
		free(wf->path);
		free(wf);
	}
	free(wb->v);
	wb->v = NULL;
	wb->n = 0;
	return rc;
}

void
wbatch_abort(struct wbatch *wb)
{
	for (size_t i = 0; i < wb->n; i++)
		wfile_abort(wb->v[i]);
	free(wb->v);
	wb->v = NULL;
	wb->n = 0;
}

int
wfile_mkdirs(const char *path)
{
	char	*p = xstrdup(path);
	int	 rc = 0;

	for (char *s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0755) == -1 && errno != EEXIST) {
			msg(MSG_WRITE, p, 0, 0, strerror(errno));
			rc = -1;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}
