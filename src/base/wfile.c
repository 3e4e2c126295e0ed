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
	int		 fd;

	wf = xcalloc(1, sizeof(*wf));
	wf->path = xstrdup(path);
	if (strcmp(path, "-") == 0) {
		wf->f = stdout;
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
			msg(MSG_WRITE, "-", 0, 0, strerror(errno));
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
	}
	free(wf->path);
	free(wf);
}
