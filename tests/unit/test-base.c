/*
 * test-base.c: unit tests of the base modules (buf, lang, msg).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"

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

int
main(void)
{
	test_buf();
	test_lang();
	test_msg();
	if (failures > 0) {
		fprintf(stderr, "%d checks failed\n", failures);
		return 1;
	}
	return 0;
}
