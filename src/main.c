/*
 * main.c: the opas command: locale, global options, and dispatch to the
 * subcommands of cli/cmd.c.
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "base/intl.h"
#include "base/msg.h"
#include "cli/cmd.h"
#include "doc/doc.h"

/* gcc says __SANITIZE_ADDRESS__; clang 14 only answers __has_feature. */
#if defined(__SANITIZE_ADDRESS__)
#define OPAS_ASAN	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OPAS_ASAN	1
#endif
#endif

#ifdef OPAS_ASAN
/*
 * libgettextpo 0.21 (Debian 12) loses a few bytes of every file it
 * reads (a copy made in its lexer's start-up, comment lists built by
 * its parser) and of every plural expression it checks.  They are not
 * ours to free; tell LeakSanitizer, so that sanitizer builds still
 * catch our leaks.  libhyphen 2.8.8 loses 4 bytes loading the Russian
 * dictionary (hyph_ru_RU.dic, KOI8-R), even after hnj_hyphen_free().
 * The library has no frame pointers, so stacks are unwound slowly.
 */
const char	*__asan_default_options(void);
const char	*__lsan_default_options(void);
const char	*__lsan_default_suppressions(void);

const char *
__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0";
}

/* The suppressions are known: no report of their use on stderr. */
const char *
__lsan_default_options(void)
{
	return "print_suppressions=0";
}

const char *
__lsan_default_suppressions(void)
{
	return "leak:libgettextpo_lex_start\n"
	    "leak:libgettextpo_check_message_list\n"
	    "leak:libgettextpo_po_gram_parse\n"
	    "leak:hnj_hyphen_load_line\n";
}
#endif

static void
usage(FILE *f)
{
	fprintf(f, _("Usage: opas [--help | --version] COMMAND [ARGS]\n"
	    "Publish the Welcome to Finland guide: translate it with gettext "
	    "catalogues,\nbuild HTML, EPUB and PDF editions, and package "
	    "them for the authorities.\n\nCommands:\n"));
	for (size_t i = 0; cmd_table[i] != NULL; i++)
		fprintf(f, "  %-8s %s\n", cmd_table[i]->name,
		    _(cmd_table[i]->summary));
	fprintf(f, _("\nRun 'opas COMMAND --help' for a command's options, "
	    "and see opas(1).\nReport bugs to: %s\n"), PACKAGE_BUGREPORT);
}

int
main(int argc, char *argv[])
{
	const struct cmd_entry	*e;
	int			 rc;

	setlocale(LC_ALL, "");
#if defined(ENABLE_NLS) && defined(HAVE_LIBINTL_H)
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
#endif
	msg_set_sink(msg_print_stderr, NULL);
	/*
	 * Past a file size limit (ulimit -f) the kernel's default is to
	 * kill us, leaving a temporary file behind.  Ignored, the write
	 * fails with EFBIG instead: wfile.c removes the temporary file,
	 * keeps the previous output and names the file that failed.
	 */
	signal(SIGXFSZ, SIG_IGN);

	if (argc < 2) {
		usage(stderr);
		return OPAS_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return OPAS_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("opas %s\n", PACKAGE_VERSION);
		return OPAS_EXIT_OK;
	}
	if ((e = cmd_find(argv[1])) == NULL) {
		fprintf(stderr, _("opas: unknown command '%s'; run 'opas "
		    "--help' for the list\n"), argv[1]);
		return OPAS_EXIT_USAGE;
	}
	rc = e->exec(e, argc - 1, argv + 1);
	doc_cleanup();
	if (fflush(stdout) == EOF || ferror(stdout)) {
		perror("opas: standard output");
		return OPAS_EXIT_ERROR;
	}
	return rc;
}
