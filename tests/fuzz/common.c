/*
 * common.c: helpers of the fuzz targets (see fuzz.h).
 */
#include "config.h"

#include "base/mem.h"
#include "base/msg.h"
#include "fuzz.h"

static void
drop(enum msgsev sev, const struct msgloc *loc, const char *text, void *arg)
{
}

void
fuzz_quiet(void)
{
	msg_set_sink(drop, NULL);
}

char *
fuzz_srcfile(const char *name)
{
	return xasprintf("%s/%s", OPAS_SRCDIR, name);
}
