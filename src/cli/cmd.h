/*
 * cmd.h: the subcommand table.  Only main.c and the cmd_*.c files use it.
 *
 * Each subcommand lives in its own file cmd_NAME.c that defines one
 * struct cmd_entry; cmd.c lists them in cmd_table[].  exec() gets the
 * arguments after "opas" (argv[0] is the command name) and returns the
 * exit status.
 */
#ifndef OPAS_CMD_H
#define OPAS_CMD_H

#include <stdio.h>

struct	cmd_entry {
	const char	*name;		/* "extract" */
	const char	*usage;		/* "[-o POT] SOURCE" */
	const char	*summary;	/* one line for opas --help */
	const char	*options;	/* option lines for opas CMD --help */
	int		 (*exec)(const struct cmd_entry *, int, char **);
};

extern const struct cmd_entry	 cmd_extract_entry;
extern const struct cmd_entry	 cmd_merge_entry;
extern const struct cmd_entry	 cmd_build_entry;
extern const struct cmd_entry	 cmd_stats_entry;
extern const struct cmd_entry	 cmd_check_entry;
extern const struct cmd_entry	 cmd_dist_entry;
extern const struct cmd_entry	 cmd_verify_entry;

extern const struct cmd_entry	*const cmd_table[];

const struct cmd_entry	*cmd_find(const char *);
void			 cmd_help(const struct cmd_entry *, FILE *);
int			 cmd_usage_error(const struct cmd_entry *, const char *);
int			 cmd_wants_help(int, char **);

#endif
