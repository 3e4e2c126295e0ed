/*
 * cmd_build.c: opas build, the editions of one language or of all.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "base/buf.h"
#include "base/data.h"
#include "base/intl.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "cli/cmd.h"
#include "doc/doc.h"
#include "i18n/merge.h"
#include "i18n/po.h"
#include "i18n/stats.h"
#include "render/epub.h"
#include "render/html.h"
#include "render/pdf.h"
#include "render/xslt.h"

static int	cmd_build_exec(const struct cmd_entry *, int, char **);

const struct cmd_entry cmd_build_entry = {
	"build",
	N_("[-l LANG] [-f html,epub,pdf] [-p PO | --po-dir DIR] [-o DIR] [--stylesheet XSL]\n"
	   "       [--chooser] [--paper a5|a4] SOURCE"),
	N_("Build the editions of one language, or of every language in\n"
	   "DIR/LINGUAS and the source language, with the site's language chooser."),
	N_("  -l, --lang=LANG      build only this language (BCP 47 tag or gettext name)\n"
	   "  -f, --formats=LIST   comma-separated formats: html, epub, pdf (default:\n"
	   "                       all three), pdf-text (the PDF layout as text)\n"
	   "  -p, --po=PO          LANG's catalogue (default: DIR/LL.po)\n"
	   "      --po-dir=DIR     catalogues, LINGUAS and thresholds (default: po)\n"
	   "  -o, --output=DIR     write DIR/html/LL/, DIR/epub/, DIR/pdf/ (default: out)\n"
	   "      --stylesheet=XSL the HTML page stylesheet instead of opas's\n"
	   "      --chooser        write only DIR/html/index.html and opas.css\n"
	   "      --strict         a broken translation is fatal for its language\n"
	   "      --paper=SIZE     the PDF's page: a5 (default), or a4 for printing\n"
	   "                       (written as BOOK-LL-a4.pdf)\n"
	   "  -j, --jobs=N         processes to use (default: the processors there are)\n"),
	cmd_build_exec
};

#define FMT_HTML	0x1
#define FMT_EPUB	0x2
#define FMT_PDF		0x4
#define FMT_PDFTEXT	0x8	/* the PDF layout as text, for tests */

struct	build {
	const char		*src;		/* SOURCE */
	const char		*podir;		/* NULL: none */
	const char		*pofile;	/* -p, or NULL */
	const char		*outdir;
	struct doc		*doc;		/* the source, never changed */
	const struct lang	*source;
	struct thresholds	*th;
	struct xsl		*xsl;		/* HTML pages */
	struct xsl		*epubxsl;	/* EPUB documents */
	int			 formats;	/* FMT_* */
	int			 a4;		/* PDF on A4, not A5 */
	int			 jobs;		/* processes to use */
	struct siteedition	*site;
	size_t			 nsite;
	struct poasync		*early;		/* earlylang's catalogue */
	const struct lang	*earlylang;
};

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * The translated tree of a language, with how much of it is translated
 * (messages, in percent).  NULL after reporting.  The
 * source language is the source tree itself.
 */
static struct doc *
translate(struct build *bd, const struct lang *l, int quiet, int *percent,
    int *preview)
{
	struct mergestats	 st;
	struct pocat		*po;
	struct doc		*copy;
	char			*path;
	double			 t = stats_threshold(bd->th, l->tag);

	*percent = 100;
	*preview = 0;
	if (l == bd->source)
		return doc_copy(bd->doc);
	if (bd->pofile != NULL)
		path = xstrdup(bd->pofile);
	else
		path = xasprintf("%s/%s.po", bd->podir, l->po);
	/* With a second processor, the catalogue is read beside the copy. */
	if (!quiet && bd->early != NULL && bd->earlylang == l) {
		copy = merge_copy_async(bd->doc, bd->early, l, &st);
		bd->early = NULL;
		free(path);
	} else if (!quiet && bd->jobs > 1) {
		copy = merge_copy_async(bd->doc, po_read_async(path), l, &st);
		free(path);
	} else {
		po = po_read(path);
		free(path);
		if (po == NULL)
			return NULL;
		copy = merge_copy(bd->doc, po, l, quiet, &st, NULL);
		po_free(po);
	}
	if (copy == NULL)
		return NULL;
	if (st.messages > 0) {
		/* Rounded as opas stats shows it, but never up to 100. */
		*percent = (int)(100.0 * (double)st.msgs_translated /
		    (double)st.messages + 0.5);
		if (*percent == 100 && st.msgs_translated < st.messages)
			*percent = 99;
		*preview = 100.0 * (double)st.msgs_translated <
		    t * (double)st.messages;
	} else
		*preview = 0;
	return copy;
}

static void
set_preview(struct build *bd, const struct lang *l, int preview)
{
	for (size_t i = 0; i < bd->nsite; i++)
		if (bd->site[i].lang == l)
			bd->site[i].preview = preview;
}

/*
 * A helper process makes a language's PDF while this one writes its
 * HTML and EPUB editions: on two processors the halves take about as
 * long.  The helper's standard output and error come back through
 * pipes and are passed on after this process's own, so the messages
 * read as those of a build in one process.
 */
struct	helper {
	pid_t		 pid;
	int		 fd[2];		/* its stdout, its stderr */
	struct buf	 b[2];
};

/* 1 in the helper, 0 here once it runs, -1 if there is none. */
static int
helper_start(struct helper *h)
{
	int	 p[2][2] = { { -1, -1 }, { -1, -1 } };

	memset(h, 0, sizeof(*h));
	fflush(stdout);
	fflush(stderr);
	if (pipe(p[0]) == -1 || pipe(p[1]) == -1 ||
	    (h->pid = fork()) == -1) {
		for (int i = 0; i < 2; i++)
			for (int j = 0; j < 2; j++)
				if (p[i][j] != -1)
					close(p[i][j]);
		return -1;
	}
	if (h->pid == 0) {
		if (dup2(p[0][1], STDOUT_FILENO) == -1 ||
		    dup2(p[1][1], STDERR_FILENO) == -1)
			_exit(MSGSEV_ERROR);
		for (int i = 0; i < 2; i++) {
			close(p[i][0]);
			close(p[i][1]);
		}
		return 1;
	}
	for (int i = 0; i < 2; i++) {
		close(p[i][1]);
		h->fd[i] = p[i][0];
	}
	return 0;
}

/* In the helper: done; what it saw goes back as its exit status. */
static void
helper_exit(void)
{
	fflush(stdout);
	fflush(stderr);
	_exit((int)msg_worst());
}

/* Here: read what the helper wrote, wait for it, pass it all on. */
static void
helper_finish(struct helper *h)
{
	struct pollfd	 pfd[2];
	char		 chunk[4096], why[32];
	int		 open = 2, status;
	ssize_t		 n;

	for (int i = 0; i < 2; i++) {
		pfd[i].fd = h->fd[i];
		pfd[i].events = POLLIN;
	}
	while (open > 0) {
		if (poll(pfd, 2, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (pfd[i].fd == -1 || pfd[i].revents == 0)
				continue;
			if ((n = read(pfd[i].fd, chunk, sizeof(chunk))) > 0)
				buf_add(&h->b[i], chunk, (size_t)n);
			else if (n == 0 || errno != EINTR) {
				close(pfd[i].fd);
				pfd[i].fd = -1;
				open--;
			}
		}
	}
	for (int i = 0; i < 2; i++)
		if (pfd[i].fd != -1)
			close(pfd[i].fd);
	while (waitpid(h->pid, &status, 0) == -1 && errno == EINTR)
		;
	fflush(stdout);
	fwrite(buf_str(&h->b[1]), 1, h->b[1].len, stderr);
	fflush(stderr);
	fwrite(buf_str(&h->b[0]), 1, h->b[0].len, stdout);
	buf_free(&h->b[0]);
	buf_free(&h->b[1]);
	if (WIFEXITED(status))
		msg_raise((enum msgsev)WEXITSTATUS(status));
	else {
		snprintf(why, sizeof(why), "signal %d", WIFSIGNALED(status) ?
		    WTERMSIG(status) : 0);
		msg(MSG_BUILD_HELPER, NULL, 0, 0, why);
	}
}

/* The processors this process may run on. */
static int
processors(void)
{
	cpu_set_t	 set;
	long		 n;

	if (sched_getaffinity(0, sizeof(set), &set) == 0)
		return CPU_COUNT(&set) > 0 ? CPU_COUNT(&set) : 1;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

static void
build_lang(struct build *bd, const struct lang *l)
{
	struct edition	 ed;
	struct htmlout	 ho;
	struct epubout	 eo;
	struct pdfout	 po;
	struct helper	 h;
	struct doc	*d;
	double		 t0 = now();
	int		 split, helper = 0;

	memset(&ed, 0, sizeof(ed));
	memset(&eo, 0, sizeof(eo));
	memset(&po, 0, sizeof(po));
	if ((d = translate(bd, l, 0, &ed.percent, &ed.preview)) == NULL)
		return;
	if (msg_exit_status() == OPAS_EXIT_ERROR) {
		doc_free(d);	/* --strict: nothing written */
		return;
	}
	set_preview(bd, l, ed.preview);
	ed.lang = l;
	ed.source = bd->source;
	ed.site = bd->site;
	ed.nsite = bd->nsite;
	split = bd->jobs > 1 && (bd->formats & (FMT_HTML | FMT_EPUB)) &&
	    (bd->formats & (FMT_PDF | FMT_PDFTEXT));
	if (split && (helper = helper_start(&h)) == -1)
		split = 0;	/* no helper: all here */
	if (helper == 1)
		goto pdf;
	if ((bd->formats & FMT_HTML) &&
	    html_build(d, bd->xsl, &ed, bd->outdir, &ho) == 0) {
		printf("  html   %-6s %s/html/%s/  %zu pages, %zu KB, %.2f s%s\n",
		    l->tag, bd->outdir, l->tag, ho.pages,
		    (ho.bytes + 1023) / 1024, now() - t0,
		    ed.preview ? _(", preview") : "");
		t0 = now();
	}
	if ((bd->formats & FMT_EPUB) &&
	    epub_build(d, bd->epubxsl, &ed, bd->outdir, &eo) == 0)
		printf("  epub   %-6s %s  %zu files, %zu KB, %.2f s%s\n",
		    l->tag, eo.path, eo.files, (eo.bytes + 1023) / 1024,
		    now() - t0, ed.preview ? _(", preview") : "");
	if (split)
		goto done;
pdf:
	t0 = now();
	if (bd->formats & (FMT_PDF | FMT_PDFTEXT)) {
		int	 outs = ((bd->formats & FMT_PDF) ? PDF_OUT_PDF : 0) |
		    ((bd->formats & FMT_PDFTEXT) ? PDF_OUT_TEXT : 0);

		if (pdf_build(d, &ed, bd->outdir, bd->a4, outs, &po) == 0) {
			if (outs & PDF_OUT_PDF)
				printf("  pdf    %-6s %s  %d pages, %zu KB, "
				    "%.2f s%s\n", l->tag, po.path, po.pages,
				    (po.bytes + 1023) / 1024, now() - t0,
				    ed.preview ? _(", preview") : "");
			if (outs & PDF_OUT_TEXT)
				printf("  pdf    %-6s %s  %d pages as text\n",
				    l->tag, po.textpath, po.pages);
		}
	}
done:
	free(eo.path);
	free(po.path);
	free(po.textpath);
	doc_free(d);
	if (helper == 1)
		helper_exit();
	if (split)
		helper_finish(&h);
}

static void
build_chooser(struct build *bd, int know_previews)
{
	struct edition	 ed;
	struct htmlout	 ho;
	double		 t0 = now();

	/* Without the languages built in this run, find out quietly. */
	for (size_t i = 0; !know_previews && i < bd->nsite; i++) {
		struct doc	*d;
		int		 percent, preview;

		if ((d = translate(bd, bd->site[i].lang, 1, &percent,
		    &preview)) != NULL)
			bd->site[i].preview = preview;
		doc_free(d);
	}
	memset(&ed, 0, sizeof(ed));
	ed.lang = bd->source;
	ed.source = bd->source;
	ed.percent = 100;
	ed.site = bd->site;
	ed.nsite = bd->nsite;
	if (html_chooser(bd->doc, bd->xsl, &ed, bd->outdir, &ho) == 0)
		printf("  html   %-6s %s/html/index.html  %zu languages, %.2f s\n",
		    "*", bd->outdir, bd->nsite, now() - t0);
}

/* The publisher's stylesheet, or opas's data file name; NULL after reporting. */
static struct xsl *
load_style(const char *given, const char *name)
{
	struct xsl	*x;
	char		*path;

	path = given != NULL ? xstrdup(given) : data_find(name);
	if (path == NULL) {
		msg(MSG_DATAFILE, NULL, 0, 0, name);
		return NULL;
	}
	x = xsl_load(path);
	free(path);
	return x;
}

static int
add_site(struct build *bd, const struct lang *l)
{
	for (size_t i = 0; i < bd->nsite; i++)
		if (bd->site[i].lang == l)
			return 0;
	bd->site = xreallocarray(bd->site, bd->nsite + 1, sizeof(*bd->site));
	bd->site[bd->nsite].lang = l;
	bd->site[bd->nsite].preview = 0;
	bd->nsite++;
	return 0;
}

/* Which formats (FMT_*): -1 after reporting, -2 for an unknown one. */
static int
parse_formats(const char *list)
{
	char	*s = xstrdup(list), *tok, *save;
	int	 f = 0;

	for (tok = strtok_r(s, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (strcmp(tok, "html") == 0)
			f |= FMT_HTML;
		else if (strcmp(tok, "epub") == 0)
			f |= FMT_EPUB;
		else if (strcmp(tok, "pdf") == 0)
			f |= FMT_PDF;
		else if (strcmp(tok, "pdf-text") == 0)
			f |= FMT_PDFTEXT;
		else {
			f = -2;
			break;
		}
	}
	free(s);
	return f == 0 ? -2 : f;
}

static int
cmd_build_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "lang",	required_argument,	NULL, 'l' },
		{ "formats",	required_argument,	NULL, 'f' },
		{ "po",		required_argument,	NULL, 'p' },
		{ "po-dir",	required_argument,	NULL, 'd' },
		{ "output",	required_argument,	NULL, 'o' },
		{ "stylesheet",	required_argument,	NULL, 's' },
		{ "chooser",	no_argument,		NULL, 'c' },
		{ "strict",	no_argument,		NULL, 'S' },
		{ "paper",	required_argument,	NULL, 'P' },
		{ "jobs",	required_argument,	NULL, 'j' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct build	 bd;
	const char	*langname = NULL, *formats = "html,epub,pdf", *style = NULL;
	char		*thr = NULL, **langs = NULL;
	size_t		 nlangs = 0;
	xmlChar		*srclang;
	int		 c, chooser = 0, strict = 0, rc, usage = 0;

	memset(&bd, 0, sizeof(bd));
	bd.outdir = "out";
	optind = 0;
	bd.jobs = processors();
	while ((c = getopt_long(argc, argv, "hl:f:p:o:j:", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'l':
			langname = optarg;
			break;
		case 'f':
			formats = optarg;
			break;
		case 'p':
			bd.pofile = optarg;
			break;
		case 'd':
			bd.podir = optarg;
			break;
		case 'o':
			bd.outdir = optarg;
			break;
		case 's':
			style = optarg;
			break;
		case 'c':
			chooser = 1;
			break;
		case 'S':
			strict = 1;
			break;
		case 'P':
			if (strcmp(optarg, "a4") == 0)
				bd.a4 = 1;
			else if (strcmp(optarg, "a5") != 0)
				return cmd_usage_error(e,
				    _("the paper sizes are a5 and a4"));
			break;
		case 'j':
			if ((bd.jobs = atoi(optarg)) < 1)
				return cmd_usage_error(e,
				    _("--jobs needs a number of 1 or more"));
			break;
		case 'h':
			cmd_help(e, stdout);
			return OPAS_EXIT_OK;
		default:
			return cmd_usage_error(e, NULL);
		}
	}
	if (argc - optind != 1)
		return cmd_usage_error(e, _("give exactly one SOURCE"));
	if (bd.pofile != NULL && langname == NULL)
		return cmd_usage_error(e, _("-p needs -l LANG"));
	if ((rc = parse_formats(formats)) == -2)
		return cmd_usage_error(e, _("the formats are html, epub and pdf"));
	if (rc == -1)
		return msg_exit_status();
	bd.formats = rc;
	msg_set_strict(strict);
	bd.src = argv[optind];
	if (bd.podir == NULL && bd.pofile == NULL &&
	    access("po/LINGUAS", F_OK) == 0)
		bd.podir = "po";

	/*
	 * One language's catalogue can be read while the source is: it
	 * is what takes longest before the formats can start.
	 */
	if (bd.jobs > 1 && langname != NULL && !chooser &&
	    (bd.earlylang = lang_find(langname)) != NULL &&
	    (bd.pofile != NULL || bd.podir != NULL)) {
		char	*path = bd.pofile != NULL ? xstrdup(bd.pofile) :
		    xasprintf("%s/%s.po", bd.podir, bd.earlylang->po);

		if (access(path, R_OK) == 0)
			bd.early = po_read_async(path);
		free(path);
	}
	if ((bd.doc = doc_read(bd.src)) == NULL)
		goto out;
	srclang = xmlGetNsProp(xmlDocGetRootElement(bd.doc->xml),
	    BAD_CAST "lang", BAD_CAST "http://www.w3.org/XML/1998/namespace");
	bd.source = lang_find(srclang == NULL ? "en" : (char *)srclang);
	if (bd.source == NULL) {
		msg(MSG_LANG_UNKNOWN, bd.src, 0, 0, (char *)srclang);
		xmlFree(srclang);
		goto out;
	}
	xmlFree(srclang);

	/* The site: the source language, then LINGUAS in order. */
	add_site(&bd, bd.source);
	if (bd.podir != NULL) {
		if ((langs = po_linguas(bd.podir, &nlangs)) == NULL)
			goto out;
		for (size_t i = 0; i < nlangs; i++) {
			const struct lang *l = lang_find(langs[i]);

			if (l == NULL)
				msg(MSG_LANG_UNKNOWN, bd.podir, 0, 0, langs[i]);
			else
				add_site(&bd, l);
		}
		thr = xasprintf("%s/thresholds", bd.podir);
	} else if (bd.pofile != NULL) {
		const char *slash = strrchr(bd.pofile, '/');

		thr = slash == NULL ? xstrdup("thresholds") :
		    xasprintf("%.*s/thresholds", (int)(slash - bd.pofile),
		    bd.pofile);
	}
	bd.th = stats_thresholds(thr);
	if (langname != NULL) {
		const struct lang *l = lang_find(langname);

		if (l == NULL) {
			msg(MSG_LANG_UNKNOWN, NULL, 0, 0, langname);
			goto out;
		}
		if (l != bd.source && bd.podir == NULL && bd.pofile == NULL) {
			usage = cmd_usage_error(e,
			    _("no catalogue: give -p PO or --po-dir DIR"));
			goto out;
		}
		add_site(&bd, l);
	}

	if (chooser)
		bd.formats = FMT_HTML;
	if ((bd.formats & FMT_HTML) && (bd.xsl = load_style(style,
	    "xslt/html.xsl")) == NULL)
		goto out;
	if ((bd.formats & FMT_EPUB) && (bd.epubxsl = load_style(NULL,
	    "xslt/epub.xsl")) == NULL)
		goto out;

	if (chooser)
		build_chooser(&bd, 0);
	else if (langname != NULL)
		build_lang(&bd, lang_find(langname));
	else {
		for (size_t i = 0; i < bd.nsite; i++)
			build_lang(&bd, bd.site[i].lang);
		if (bd.formats & FMT_HTML)
			build_chooser(&bd, 1);
	}
out:
	/* Not used: the source language, or the build stopped before. */
	po_read_cancel(bd.early);
	fflush(stdout);
	xsl_free(bd.xsl);
	xsl_free(bd.epubxsl);
	free(thr);
	free(bd.site);
	po_linguas_free(langs, nlangs);
	stats_thresholds_free(bd.th);
	doc_free(bd.doc);
	return usage != 0 ? usage : msg_exit_status();
}
