/*
 * test-base.c: unit tests of the base modules (buf, lang, msg, wfile).
 */
#include "config.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/wfile.h"

static int	failures;

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #cond);				\
		failures++;						\
	}								\
} while (0)

static void
test_buf(void)
{
	struct buf	 b = { 0 };
	char		*s;

	CHECK(strcmp(buf_str(&b), "") == 0);
	buf_adds(&b, "Tervetuloa");
	buf_addc(&b, ' ');
	buf_addf(&b, "%s %d", "Suomeen", 2026);
	CHECK(strcmp(buf_str(&b), "Tervetuloa Suomeen 2026") == 0);
	CHECK(b.len == strlen("Tervetuloa Suomeen 2026"));
	for (int i = 0; i < 10000; i++)
		buf_addc(&b, 'x');
	CHECK(b.len == 23 + 10000);
	CHECK(b.data[b.len] == '\0');
	buf_reset(&b);
	CHECK(b.len == 0 && strcmp(buf_str(&b), "") == 0);
	buf_adds(&b, "ok");
	s = buf_detach(&b);
	CHECK(strcmp(s, "ok") == 0);
	CHECK(b.data == NULL && b.len == 0);
	free(s);
	buf_free(&b);
}

static void
test_lang(void)
{
	const struct lang	*l;

	CHECK((l = lang_find("zh_CN")) != NULL && strcmp(l->tag, "zh-CN") == 0);
	CHECK((l = lang_find("zh-cn")) != NULL && strcmp(l->po, "zh_CN") == 0);
	CHECK((l = lang_find("ar")) != NULL && l->dir == LANG_RTL);
	CHECK((l = lang_find("fa")) != NULL && l->dir == LANG_RTL);
	CHECK((l = lang_find("ckb")) != NULL && l->dir == LANG_RTL);
	CHECK((l = lang_find("fi")) != NULL && l->dir == LANG_LTR &&
	    strcmp(l->hyph, "voikko:fi") == 0);
	CHECK(lang_find("xx") == NULL);
	CHECK(lang_find("") == NULL);
	CHECK(lang_find("zh") == NULL);
	/* Every tag and gettext name is unique and maps back to itself. */
	for (size_t i = 0; i < lang_count(); i++) {
		l = lang_at(i);
		CHECK(lang_find(l->tag) == l);
		CHECK(lang_find(l->po) == l);
		CHECK(*l->native != '\0' && *l->fonts != '\0');
		CHECK(strstr(l->plural, "nplurals=") == l->plural);
	}
	CHECK(lang_at(lang_count()) == NULL);
}

struct seen {
	char	 text[512];
	int	 calls;
};

static void
sink(enum msgsev sev, const struct msgloc *loc, const char *text, void *arg)
{
	struct seen	*s = arg;

	snprintf(s->text, sizeof(s->text), "%s:%d:%d: %s: %s",
	    loc->file == NULL ? "-" : loc->file, loc->line, loc->col,
	    msg_sevname(sev), text);
	s->calls++;
}

static void
test_msg(void)
{
	struct seen	 s = { "", 0 };
	char		 line[512];
	FILE		*f;

	msg_set_sink(sink, &s);
	msg_reset();
	CHECK(msg_exit_status() == OPAS_EXIT_OK);
	msg(MSG_DOCBOOK4, "book.xml", 3, 0);
	CHECK(msg_worst() == MSGSEV_NOTE);
	CHECK(msg_exit_status() == OPAS_EXIT_OK);
	msg(MSG_ENTITY_UNDEF, "book.xml", 4, 7, "nbsp");
	CHECK(strcmp(s.text, "book.xml:4:7: warning: entity &nbsp; is not "
	    "declared; it was left out") == 0);
	CHECK(msg_exit_status() == OPAS_EXIT_WARNING);
	msg(MSG_BAD_LINKEND, "ch.xml", 9, 0, "x");
	CHECK(msg_exit_status() == OPAS_EXIT_ERROR);
	CHECK(msg_count(MSGSEV_ERROR) == 1 && msg_count(MSGSEV_NOTE) == 1);
	CHECK(s.calls == 3);
	msg_reset();
	CHECK(msg_worst() == MSGSEV_NONE && msg_count(MSGSEV_ERROR) == 0);

	/* The printed form: file:line:col: severity: text. */
	if ((f = tmpfile()) == NULL) {
		failures++;
		return;
	}
	msg_set_sink(msg_print_stderr, f);
	msg(MSG_DUP_ID, "guide/ch.xml", 12, 5, "intro", "guide/a.xml", 3);
	msg(MSG_OPEN, "missing.xml", 0, 0, "No such file or directory");
	msg(MSG_DATAFILE, NULL, 0, 0, "x.rng");
	rewind(f);
	CHECK(fgets(line, sizeof(line), f) != NULL);
	CHECK(strcmp(line, "guide/ch.xml:12:5: error: xml:id \"intro\" is "
	    "already used at guide/a.xml:3; ids must be unique\n") == 0);
	CHECK(fgets(line, sizeof(line), f) != NULL);
	CHECK(strcmp(line, "missing.xml: error: cannot read this file: "
	    "No such file or directory\n") == 0);
	CHECK(fgets(line, sizeof(line), f) != NULL);
	CHECK(strcmp(line, "opas: error: data file x.rng not found; run make "
	    "install or set OPAS_DATADIR\n") == 0);
	fclose(f);
	msg_set_sink(NULL, NULL);
	msg_reset();

	/* Every message has a severity and a non-empty format. */
	for (int id = 0; id < MSG__MAX; id++) {
		CHECK(msg_severity(id) >= MSGSEV_NOTE);
		CHECK(*msg_format(id) != '\0');
	}
}

/* The content of a file, up to 63 bytes, or "" if it cannot be read. */
static const char *
slurp(const char *path)
{
	static char	 text[64];
	size_t		 n = 0;
	FILE		*f;

	if ((f = fopen(path, "r")) != NULL) {
		n = fread(text, 1, sizeof(text) - 1, f);
		fclose(f);
	}
	text[n] = '\0';
	return text;
}

/* Files in dir other than ".", ".." and keep. */
static int
others(const char *dir, const char *keep)
{
	struct dirent	*de;
	DIR		*d;
	int		 n = 0;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0 &&
		    strcmp(de->d_name, keep) != 0)
			n++;
	closedir(d);
	return n;
}

/*
 * A write that fails leaves the previous file and no temporary one,
 * also when the failure only shows when the buffer is flushed in
 * wfile_commit() (here: past a file size limit of 100 bytes).
 */
static void
test_wfile(void)
{
	struct seen	 s = { "", 0 };
	struct rlimit	 old, low;
	struct wfile	*wf;
	const char	*tmp = getenv("TMPDIR");
	char		*dir, *path;

	dir = xasprintf("%s/opas-test-wfile.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL || getrlimit(RLIMIT_FSIZE, &old) == -1) {
		failures++;
		free(dir);
		return;
	}
	path = xasprintf("%s/out.txt", dir);
	msg_set_sink(sink, &s);
	CHECK(wfile_write(path, "old", 3) == 0);
	CHECK(strcmp(slurp(path), "old") == 0);

	/* Fits: replaced whole. */
	CHECK((wf = wfile_open(path)) != NULL);
	if (wf != NULL) {
		fputs("new", wf->f);
		CHECK(wfile_commit(wf) == 0);
	}
	CHECK(strcmp(slurp(path), "new") == 0);
	CHECK(others(dir, "out.txt") == 0);

	/* Too large: the buffered text fails in wfile_commit(). */
	signal(SIGXFSZ, SIG_IGN);
	low = old;
	low.rlim_cur = 100;
	CHECK(setrlimit(RLIMIT_FSIZE, &low) == 0);
	CHECK((wf = wfile_open(path)) != NULL);
	if (wf != NULL) {
		for (int i = 0; i < 50; i++)
			fputs("too large ", wf->f);
		CHECK(wfile_commit(wf) == -1);
	}
	CHECK(strstr(s.text, "out.txt:0:0: error: cannot write this file: "
	    "File too large") != NULL);
	/* And in one piece, through wfile_write(). */
	s.text[0] = '\0';
	CHECK(wfile_write(path, "0123456789012345678901234567890123456789"
	    "0123456789012345678901234567890123456789"
	    "0123456789012345678901234567890123456789", 120) == -1);
	CHECK(strstr(s.text, "File too large") != NULL);
	CHECK(setrlimit(RLIMIT_FSIZE, &old) == 0);
	signal(SIGXFSZ, SIG_DFL);
	CHECK(strcmp(slurp(path), "new") == 0);
	CHECK(others(dir, "out.txt") == 0);

	/* An abandoned write leaves nothing either. */
	CHECK((wf = wfile_open(path)) != NULL);
	if (wf != NULL) {
		fputs("half", wf->f);
		wfile_abort(wf);
	}
	CHECK(strcmp(slurp(path), "new") == 0);
	CHECK(others(dir, "out.txt") == 0);

	msg_set_sink(NULL, NULL);
	msg_reset();
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

int
main(void)
{
	test_buf();
	test_lang();
	test_msg();
	test_wfile();
	if (failures > 0) {
		fprintf(stderr, "%d checks failed\n", failures);
		return 1;
	}
	return 0;
}
