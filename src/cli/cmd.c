/*
 * cmd.c: the subcommand table and help shared by the commands.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/intl.h"
#include "base/msg.h"
#include "cli/cmd.h"

const struct cmd_entry *const cmd_table[] = {
	&cmd_extract_entry,
	&cmd_merge_entry,
	&cmd_build_entry,
	&cmd_stats_entry,
	&cmd_check_entry,
	&cmd_dist_entry,
	&cmd_verify_entry,
	NULL
};

const struct cmd_entry *
cmd_find(const char *name)
{
	for (size_t i = 0; cmd_table[i] != NULL; i++)
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	return NULL;
}

void
cmd_help(const struct cmd_entry *e, FILE *f)
{
	fprintf(f, _("Usage: opas %s %s\n"), e->name, _(e->usage));
	fprintf(f, "%s\n", _(e->summary));
	if (e->options != NULL && *e->options != '\0')
		fprintf(f, _("\nOptions:\n%s"), _(e->options));
	fprintf(f, _("\nSee opas(1) for details.\n"));
}

int
cmd_usage_error(const struct cmd_entry *e, const char *why)
{
	if (why != NULL)
		fprintf(stderr, "opas %s: %s\n", e->name, why);
	fprintf(stderr, _("Usage: opas %s %s\nTry 'opas %s --help'.\n"),
	    e->name, _(e->usage), e->name);
	return OPAS_EXIT_USAGE;
}

/* Whether the arguments ask for help (before any "--"). */
int
cmd_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0)
			return 1;
	}
	return 0;
}

