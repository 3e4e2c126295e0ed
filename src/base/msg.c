/*
 * msg.c: diagnostics (see msg.h).  The table comes from msg.def.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "base/buf.h"
#include "base/intl.h"
#include "base/msg.h"

static const struct {
	enum msgsev	 sev;
	const char	*fmt;
} msgs[MSG__MAX] = {
#define MSG(id, sev, fmt)	{ sev, fmt },
#include "base/msg.def"
#undef MSG
};

static msg_sink		 sink;
static void		*sink_arg;
static enum msgsev	 worst;
static int		 strict;
static int		 muted;
static unsigned		 counts[MSGSEV_ERROR + 1];
static unsigned		 nmuted;	/* messages not given, muted */

enum msgsev
msg_severity(enum msgid id)
{
	return msgs[id].sev;
}

const char *
msg_format(enum msgid id)
{
	return msgs[id].fmt;
}

const char *
msg_sevname(enum msgsev sev)
{
	switch (sev) {
	case MSGSEV_NOTE:
		return _("note");
	case MSGSEV_WARNING:
		return _("warning");
	case MSGSEV_RECOVERED:
	case MSGSEV_ERROR:
		return _("error");
	default:
		return "";
	}
}

void
msg_set_sink(msg_sink s, void *arg)
{
	sink = s;
	sink_arg = arg;
}

static void
msg_vemit(enum msgid id, const struct msgloc *loc, va_list ap)
{
	struct buf	 text = { 0 };
	enum msgsev	 sev;

	if (muted) {
		nmuted++;
		return;
	}
	sev = msgs[id].sev;
	/*
	 * The format is msg.def's own.  gcc does not warn about a format
	 * passed on with its va_list; clang (the fuzzing build) does.
	 */
#ifdef __clang__
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wformat-nonliteral"
#endif
	buf_vaddf(&text, _(msgs[id].fmt), ap);
#ifdef __clang__
#pragma clang diagnostic pop
#endif
	counts[sev]++;
	if (sev > worst)
		worst = sev;
	if (sink != NULL)
		sink(sev, loc, buf_str(&text), sink_arg);
	buf_free(&text);
}

void
msg_at(enum msgid id, const struct msgloc *loc, ...)
{
	va_list	 ap;

	va_start(ap, loc);
	msg_vemit(id, loc, ap);
	va_end(ap);
}

void
msg(enum msgid id, const char *file, int line, int col, ...)
{
	struct msgloc	 loc;
	va_list		 ap;

	loc.file = file;
	loc.line = line;
	loc.col = col;
	va_start(ap, col);
	msg_vemit(id, &loc, ap);
	va_end(ap);
}

/* With strict on, errors that were worked around count in full. */
/* While muted, messages are neither shown nor counted. */
void
msg_mute(int on)
{
	muted = on;
}

void
msg_set_strict(int on)
{
	strict = on;
}

enum msgsev
msg_worst(void)
{
	return worst;
}

/* How many messages were muted so far. */
unsigned
msg_muted(void)
{
	return nmuted;
}

/* What another process of this run saw counts as seen here too. */
void
msg_raise(enum msgsev sev)
{
	if (sev > worst && sev <= MSGSEV_ERROR)
		worst = sev;
}

unsigned
msg_count(enum msgsev sev)
{
	return counts[sev];
}

void
msg_reset(void)
{
	worst = MSGSEV_NONE;
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		counts[i] = 0;
}

int
msg_exit_status(void)
{
	switch (worst) {
	case MSGSEV_ERROR:
		return OPAS_EXIT_ERROR;
	case MSGSEV_RECOVERED:
		return strict ? OPAS_EXIT_ERROR : OPAS_EXIT_WARNING;
	case MSGSEV_WARNING:
		return OPAS_EXIT_WARNING;
	default:
		return OPAS_EXIT_OK;
	}
}

/*
 * The sink the command line installs: file:line:col: severity: text,
 * leaving out the parts that are not known.
 */
void
msg_print_stderr(enum msgsev sev, const struct msgloc *loc,
    const char *text, void *arg)
{
	FILE	*f = arg == NULL ? stderr : arg;

	if (loc != NULL && loc->file != NULL) {
		fputs(loc->file, f);
		if (loc->line > 0) {
			fprintf(f, ":%d", loc->line);
			if (loc->col > 0)
				fprintf(f, ":%d", loc->col);
		}
		fputs(": ", f);
	} else
		fputs("opas: ", f);
	fprintf(f, "%s: %s\n", msg_sevname(sev), text);
}
