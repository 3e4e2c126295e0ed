/*
 * standalone.c: a main() for the fuzz targets without libFuzzer.  It
 * runs the target once on every file named, and on every file of every
 * directory named, in name order; make check replays the seed corpora
 * and the inputs of crashes found so far (tests/fuzz/replay.sh).  A
 * crash, a sanitizer report or a leak fails the run.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/mem.h"
#include "fuzz.h"

static int
run_file(const char *path)
{
	struct buf	 b = { 0 };
	uint8_t		*data;
	char		 chunk[8192];
	size_t		 n, len;
	FILE		*f;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f)) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		fclose(f);
		buf_free(&b);
		return -1;
	}
	fclose(f);
	/*
	 * libFuzzer hands over exactly the bytes, in memory of that size
	 * and not NUL-terminated: so do we, so that a sanitizer sees a
	 * read past the end here too.
	 */
	len = b.len;
	data = xmalloc(len == 0 ? 1 : len);
	if (len > 0)
		memcpy(data, b.data, len);
	buf_free(&b);
	(void)LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

static int
byname(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of a directory (not its subdirectories). */
static int
run_dir(const char *dir, size_t *count)
{
	struct dirent	 *de;
	struct stat	  st;
	char		**v = NULL;
	size_t		  n = 0;
	int		  rc = 0;
	DIR		 *dp;

	if ((dp = opendir(dir)) == NULL) {
		fprintf(stderr, "%s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		v = xreallocarray(v, n + 1, sizeof(*v));
		v[n++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(dp);
	qsort(v, n, sizeof(*v), byname);
	for (size_t i = 0; i < n; i++) {
		if (stat(v[i], &st) == 0 && S_ISREG(st.st_mode)) {
			if (run_file(v[i]) == -1)
				rc = -1;
			else
				(*count)++;
		}
		free(v[i]);
	}
	free(v);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct stat	 st;
	size_t		 count = 0;
	int		 rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 64;
	}
	(void)LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == -1) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			rc = 1;
		} else if (S_ISDIR(st.st_mode)) {
			if (run_dir(argv[i], &count) == -1)
				rc = 1;
		} else if (run_file(argv[i]) == -1)
			rc = 1;
		else
			count++;
	}
	printf("%s: %zu inputs run\n", argv[0], count);
	return rc;
}
