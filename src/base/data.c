/*
 * data.c: locating data files (see data.h).
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "base/data.h"
#include "base/mem.h"

/*
 * In the source tree, data files live under data/ except the schema,
 * which authors find beside the guide in guide/schema/.
 */
static const char *const srcdirs[] = { "data", "guide", NULL };

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
