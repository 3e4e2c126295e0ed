/*
 * cmd_check.c: opas check, lint a guide source.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>

#include "base/data.h"
#include "base/intl.h"
#include "base/mem.h"
#include "base/msg.h"
#include "cli/cmd.h"
#include "doc/doc.h"

static int	cmd_check_exec(const struct cmd_entry *, int, char **);

const struct cmd_entry cmd_check_entry = {
	"check",
	N_("[--schema RNG] SOURCE..."),
	N_("Check guide sources: well-formedness, safety, the guide schema,\n"
	   "unique ids and link targets."),
	N_("      --schema=RNG   validate against RNG instead of the guide schema\n"),
	cmd_check_exec
};

static void
check_one(const char *path, const char *schema)
{
	struct doc	*d;

	if ((d = doc_read(path)) == NULL)
		return;
	if (d->version == 5)
		doc_validate(d, schema);
	else
		doc_check_elements(d);
	doc_check_links(d);
	doc_free(d);
}

static int
cmd_check_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "schema",	required_argument,	NULL, 's' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	char	*schema = NULL;
	int	 c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			free(schema);
			schema = xstrdup(optarg);
			break;
		case 'h':
			cmd_help(e, stdout);
			free(schema);
			return OPAS_EXIT_OK;
		default:
			free(schema);
			return cmd_usage_error(e, NULL);
		}
	}
	if (optind >= argc) {
		free(schema);
		return cmd_usage_error(e, _("no SOURCE given"));
	}
	if (schema == NULL &&
	    (schema = data_find("schema/guide.rng")) == NULL) {
		msg(MSG_DATAFILE, NULL, 0, 0, "schema/guide.rng");
		return OPAS_EXIT_ERROR;
	}
	for (int i = optind; i < argc; i++)
		check_one(argv[i], schema);
	free(schema);
	return msg_exit_status();
}
