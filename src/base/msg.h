/*
 * msg.h: the one diagnostics module.  Every module reports through it.
 *
 * Library code calls msg() with a message from msg.def and the place it
 * concerns; it never prints.  The command line installs a sink that
 * prints "file:line:col: severity: text" to standard error.  The worst
 * severity seen decides the exit status (msg_exit_status()).
 */
#ifndef OPAS_MSG_H
#define OPAS_MSG_H

enum	msgsev {
	MSGSEV_NONE = 0,
	MSGSEV_NOTE,
	MSGSEV_WARNING,
	MSGSEV_RECOVERED,	/* an error that was worked around: exit 1 */
	MSGSEV_ERROR
};

enum	msgid {
#define MSG(id, sev, fmt)	id,
#include "base/msg.def"
#undef MSG
	MSG__MAX
};

/* Where a message points; file may be NULL, line and col 0 if unknown. */
struct	msgloc {
	const char	*file;
	int		 line;
	int		 col;
};

typedef void (*msg_sink)(enum msgsev, const struct msgloc *,
    const char *text, void *arg);

void		 msg(enum msgid, const char *file, int line, int col, ...);
void		 msg_at(enum msgid, const struct msgloc *, ...);
enum msgsev	 msg_severity(enum msgid);
const char	*msg_format(enum msgid);
const char	*msg_sevname(enum msgsev);
void		 msg_set_sink(msg_sink, void *);
enum msgsev	 msg_worst(void);
void		 msg_raise(enum msgsev);
unsigned	 msg_count(enum msgsev);
void		 msg_reset(void);
void		 msg_set_strict(int);
void		 msg_mute(int);
unsigned	 msg_muted(void);
int		 msg_exit_status(void);
void		 msg_print_stderr(enum msgsev, const struct msgloc *,
		    const char *, void *);

/* Exit statuses (see opas.1 EXIT STATUS). */
#define OPAS_EXIT_OK		0
#define OPAS_EXIT_WARNING	1
#define OPAS_EXIT_ERROR		2
#define OPAS_EXIT_USAGE		64

#endif
