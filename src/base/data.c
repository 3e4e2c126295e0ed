/*
 * data.c: locating data files (see data.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/data.h"
#include "base/mem.h"
#include "base/msg.h"

/*
 * In the source tree, data files live under data/ except the schemas,
 * which authors find beside what they describe: guide/schema/ and
 * dist/schema/.
 */
static const char *const srcdirs[] = { "data", "guide", "dist", NULL };

char *
data_find(const char *name)
{
	const char	*env;
	char		*p;

	if ((env = getenv("OPAS_DATADIR")) != NULL && *env != '\0') {
		p = xasprintf("%s/%s", env, name);
		if (access(p, R_OK) == 0)
			return p;
		free(p);
	}
	p = xasprintf("%s/%s", PKGDATADIR, name);
	if (access(p, R_OK) == 0)
		return p;
	free(p);
	for (size_t i = 0; srcdirs[i] != NULL; i++) {
		p = xasprintf("%s/%s/%s", OPAS_SRCDIR, srcdirs[i], name);
		if (access(p, R_OK) == 0)
			return p;
		free(p);
	}
	return NULL;
}

int
data_read(const char *name, struct buf *b)
{
	char	*path, chunk[8192];
	FILE	*f;
	size_t	 k;
	int	 rc = 0;

	if ((path = data_find(name)) == NULL ||
	    (f = fopen(path, "r")) == NULL) {
		msg(MSG_DATAFILE, NULL, 0, 0, name);
		free(path);
		return -1;
	}
	while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(b, chunk, k);
	if (ferror(f)) {
		msg(MSG_OPEN, path, 0, 0, strerror(errno));
		rc = -1;
	}
	fclose(f);
	free(path);
	return rc;
}

int
file_read(const char *path, struct buf *b)
{
	char	 chunk[65536];
	FILE	*f;
	size_t	 k;
	int	 rc = 0, e;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(b, chunk, k);
	if (ferror(f))
		rc = -1;
	e = errno;
	fclose(f);
	errno = e;
	return rc;
}
