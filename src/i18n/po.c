/*
 * po.c: catalogues through libgettextpo (see po.h).
 *
 * libgettextpo does not say on which line an entry stands, and opas
 * must point translators at the line.  So the file is also scanned for
 * the lines that start a "msgid" keyword (never for content): the n-th
 * such line belongs to the n-th message libgettextpo returns.  When the
 * two counts disagree, lines are left out rather than guessed.
 *
 * Speed: for a file that declares a charset, libgettextpo's lexer
 * passes every character through iconv(3) one at a time, which was half
 * the cost of building a language.  gettext's OLD_PO_FILE_INPUT makes
 * it read bytes instead.  For a file in valid UTF-8 that gives the same
 * tokens and strings, since no byte of a multibyte UTF-8 character is
 * an ASCII byte; what the byte reader lacks is the check for invalid
 * sequences and display columns in diagnostics.  So a file is read that
 * way only if it is valid UTF-8 (checked here first) and its header says
 * UTF-8, quietly; a file that draws any diagnostic at all is read again
 * the usual way, and the translator sees exactly what libgettextpo says.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gettext-po.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/msg.h"
#include "i18n/po.h"

static const char	*reading;	/* the file being read, for errors */
static int		 quiet;		/* count diagnostics, do not report */
static unsigned		 heard;		/* diagnostics while quiet */

static void
po_xerror(int severity, po_message_t message, const char *filename,
    size_t lineno, size_t column, int multiline_p, const char *text)
{
	char	*t;
	size_t	 n;

	if (quiet) {
		heard++;
		return;
	}
	t = xstrdup(text == NULL ? "" : text);
	for (n = strlen(t); n > 0 && (t[n - 1] == '\n' || t[n - 1] == ' ');)
		t[--n] = '\0';
	/* One diagnostic, one line. */
	for (char *c = t; *c != '\0'; c++)
		if (*c == '\n')
			*c = ' ';
	msg(severity == PO_SEVERITY_WARNING ? MSG_PO_WARNING : MSG_PO_SYNTAX,
	    filename != NULL ? filename : reading, (int)lineno, (int)column,
	    t);
	free(t);
}

static void
po_xerror2(int severity, po_message_t message1, const char *filename1,
    size_t lineno1, size_t column1, int multiline_p1, const char *text1,
    po_message_t message2, const char *filename2, size_t lineno2,
    size_t column2, int multiline_p2, const char *text2)
{
	po_xerror(severity, message1, filename1, lineno1, column1,
	    multiline_p1, text1);
}

static const struct po_xerror_handler handler = { po_xerror, po_xerror2 };

/* Whether the n bytes at s are UTF-8 as RFC 3629 has it. */
static int
utf8_valid(const unsigned char *s, size_t n)
{
	const unsigned char	*end = s + n;

	while (s < end)
		if (utf8_get(&s, end) == -1)
			return 0;
	return 1;
}

/*
 * Lines on which entries start, in file order (see the top comment);
 * *utf8 says whether the whole file is valid UTF-8.
 */
static int *
msgid_lines(const char *path, size_t *np, int *utf8)
{
	FILE	*f;
	char	*text = NULL;
	size_t	 len = 0, cap = 0, n = 0, vcap = 0, got;
	int	*v = NULL, no = 0;

	*np = 0;
	*utf8 = 0;
	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	do {
		if (cap - len < 65536) {
			cap = cap == 0 ? 65536 : cap * 2;
			text = xrealloc(text, cap + 1);
		}
		got = fread(text + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	if (ferror(f)) {
		fclose(f);
		free(text);
		return NULL;
	}
	fclose(f);
	text[len] = '\0';
	*utf8 = utf8_valid((unsigned char *)text, len);
	for (const char *s = text, *eol; s < text + len; s = eol + 1) {
		if ((eol = memchr(s, '\n', len - (size_t)(s - text))) == NULL)
			eol = text + len;
		no++;
		if (strncmp(s, "#~", 2) == 0)
			for (s += 2; *s == ' '; s++)
				continue;
		if (strncmp(s, "msgid ", 6) != 0 && strncmp(s, "msgid\t", 6) != 0)
			continue;
		if (n == vcap) {
			vcap = vcap == 0 ? 256 : vcap * 2;
			v = xreallocarray(v, vcap, sizeof(*v));
		}
		v[n++] = no;
	}
	free(text);
	*np = n;
	return v;
}

/* Whether a catalogue's header declares UTF-8. */
static int
header_utf8(po_file_t file)
{
	char	*header, *type, *cs;
	int	 yes = 0;

	if ((header = (char *)po_file_domain_header(file, NULL)) == NULL)
		return 0;
	if ((type = po_header_field(header, "Content-Type")) != NULL &&
	    (cs = strstr(type, "charset=")) != NULL) {
		cs += strlen("charset=");
		yes = strncasecmp(cs, "UTF-8", 5) == 0 &&
		    (cs[5] == '\0' || cs[5] == ' ' || cs[5] == ';' ||
		    cs[5] == '\t');
	}
	free(type);
	free(header);
	return yes;
}

/* Whether gettext's old byte reader is ours to ask for. */
static int
bytes_allowed(void)
{
	const char	*set = getenv("OLD_PO_FILE_INPUT");

	/* Somebody asked for it: that is what they get, both ways. */
	return set == NULL || *set == '\0';
}

/*
 * A valid UTF-8 file read with the byte reader, quietly (see the top
 * comment), or NULL if it has to be read the usual way.  The caller has
 * OLD_PO_FILE_INPUT set.
 */
static po_file_t
read_quietly(const char *path)
{
	po_file_t	 file;

	quiet = 1;
	heard = 0;
	file = po_file_read(path, &handler);
	quiet = 0;
	if (file != NULL && (heard > 0 || !header_utf8(file))) {
		po_file_free(file);
		file = NULL;
	}
	return file;
}

static po_file_t
read_bytes(const char *path)
{
	po_file_t	 file;

	if (!bytes_allowed() || setenv("OLD_PO_FILE_INPUT", "1", 1) == -1)
		return NULL;
	file = read_quietly(path);
	unsetenv("OLD_PO_FILE_INPUT");
	return file;
}

/* The messages of a file read into po (see the top comment for lines). */
static void
fill(struct pocat *po, po_file_t file, const char *path, int *lines,
    size_t nlines)
{
	po_message_iterator_t	 it;
	po_message_t		 m;
	char			*header, *name;
	size_t			 i = 0, first, cap;

	name = xstrdup(path);
	po->files = xreallocarray(po->files, po->nfiles + 1,
	    sizeof(*po->files));
	po->files[po->nfiles++] = name;
	if (po->path == NULL)
		po->path = xstrdup(path);
	/* Both the header and its field are ours to free. */
	if (po->lang == NULL &&
	    (header = (char *)po_file_domain_header(file, NULL)) != NULL) {
		po->lang = po_header_field(header, "Language");
		free(header);
	}

	first = po->nents;
	cap = po->nents;
	it = po_message_iterator(file, NULL);
	while ((m = po_next_message(it)) != NULL) {
		struct poent	*e;
		const char	*s;
		size_t		 at = i++;

		if (*po_message_msgid(m) == '\0' &&
		    po_message_msgctxt(m) == NULL)
			continue;	/* the header */
		if (po->nents == cap) {
			cap = cap < 256 ? 256 : cap * 2;
			po->ents = xreallocarray(po->ents, cap,
			    sizeof(*po->ents));
		}
		e = &po->ents[po->nents++];
		s = po_message_msgctxt(m);
		e->ctxt = s == NULL ? NULL : xstrdup(s);
		e->id = xstrdup(po_message_msgid(m));
		s = po_message_msgid_plural(m) != NULL ?
		    po_message_msgstr_plural(m, 0) : po_message_msgstr(m);
		e->str = xstrdup(s == NULL ? "" : s);
		e->fuzzy = po_message_is_fuzzy(m);
		e->obsolete = po_message_is_obsolete(m);
		e->file = name;
		e->line = 0;
		if (lines != NULL && at < nlines)
			e->line = lines[at];
	}
	po_message_iterator_free(it);
	/* Counts disagree: the scan and the library saw different files. */
	if (lines == NULL || i != nlines)
		for (size_t j = first; j < po->nents; j++)
			po->ents[j].line = 0;
}

/* Read one file into po; -1 after reporting if it cannot be used. */
int
po_add(struct pocat *po, const char *path)
{
	po_file_t		 file;
	int			*lines, utf8;
	size_t			 nlines;
	unsigned		 before;

	before = msg_count(MSGSEV_ERROR);
	reading = path;
	lines = msgid_lines(path, &nlines, &utf8);
	if ((!utf8 || (file = read_bytes(path)) == NULL) &&
	    (file = po_file_read(path, &handler)) == NULL) {
		free(lines);
		if (msg_count(MSGSEV_ERROR) == before)
			msg(MSG_OPEN, path, 0, 0, strerror(errno));
		return -1;
	}
	if (msg_count(MSGSEV_ERROR) > before) {
		free(lines);
		po_file_free(file);
		return -1;
	}
	fill(po, file, path, lines, nlines);
	free(lines);
	po_file_free(file);
	return 0;
}

struct pocat *
po_read(const char *path)
{
	struct pocat	*po;

	po = xcalloc(1, sizeof(*po));
	if (po_add(po, path) == -1) {
		po_free(po);
		return NULL;
	}
	return po;
}

/*
 * Reading in the background.  A child process reads a valid UTF-8
 * catalogue with the byte reader, quietly, and sends it back through a
 * pipe while this process does what needs no catalogue (copying the
 * tree, its ITS rules, its messages).  Anything else (a file with
 * something to say, in another encoding, unreadable) is read again by
 * po_read() in po_read_wait(), with every diagnostic.  A process, not a
 * thread: once a process has had a second thread, every malloc() takes
 * a lock, and that cost more than the reading saved.
 *
 * The pipe carries the Language field, the number of entries and each
 * entry: msgctxt, msgid, msgstr, fuzzy, obsolete, line.  A string is its
 * length (4 bytes, 0xffffffff for none) and its bytes.
 */
struct	poasync {
	char		*path;
	pid_t		 pid;		/* -1: no child */
	int		 fd;
};

static void
put_u32(FILE *f, uint32_t v)
{
	unsigned char	 b[4] = { (unsigned char)(v >> 24),
	    (unsigned char)(v >> 16), (unsigned char)(v >> 8),
	    (unsigned char)v };

	fwrite(b, 1, 4, f);
}

static void
put_str(FILE *f, const char *s)
{
	size_t	 n = s == NULL ? 0 : strlen(s);

	put_u32(f, s == NULL ? UINT32_MAX : (uint32_t)n);
	fwrite(s == NULL ? "" : s, 1, n, f);
}

/* In the child: the catalogue down the pipe; the exit status says. */
static int
send_catalogue(const char *path, int fd)
{
	struct pocat	*po;
	po_file_t	 file;
	FILE		*f;
	int		*lines, utf8, rc = 1;
	size_t		 nlines;

	lines = msgid_lines(path, &nlines, &utf8);
	if (!utf8 || setenv("OLD_PO_FILE_INPUT", "1", 1) == -1 ||
	    (file = read_quietly(path)) == NULL) {
		free(lines);
		return 1;
	}
	po = xcalloc(1, sizeof(*po));
	fill(po, file, path, lines, nlines);
	po_file_free(file);
	free(lines);
	if ((f = fdopen(fd, "w")) != NULL) {
		put_str(f, po->lang);
		put_u32(f, (uint32_t)po->nents);
		for (size_t i = 0; i < po->nents; i++) {
			const struct poent	*e = &po->ents[i];

			put_str(f, e->ctxt);
			put_str(f, e->id);
			put_str(f, e->str);
			putc(e->fuzzy ? 1 : 0, f);
			putc(e->obsolete ? 1 : 0, f);
			put_u32(f, (uint32_t)e->line);
		}
		rc = fclose(f) == 0 ? 0 : 1;
	}
	po_free(po);
	return rc;
}

struct poasync *
po_read_async(const char *path)
{
	struct poasync	*pa;
	int		 p[2];

	pa = xcalloc(1, sizeof(*pa));
	pa->path = xstrdup(path);
	pa->pid = -1;
	pa->fd = -1;
	if (!bytes_allowed() || pipe(p) == -1)
		return pa;
	fflush(stdout);
	fflush(stderr);
	if ((pa->pid = fork()) == -1) {
		close(p[0]);
		close(p[1]);
		return pa;
	}
	if (pa->pid == 0) {
		int	 rc;

		close(p[0]);
		rc = send_catalogue(path, p[1]);
		free(pa->path);
		free(pa);
		_exit(rc);
	}
	close(p[1]);
	pa->fd = p[0];
	return pa;
}

/* What the child sent: the whole of it, or NULL. */
struct	rd {
	const unsigned char	*p, *end;
	int			 bad;
};

static uint32_t
get_u32(struct rd *r)
{
	uint32_t	 v;

	if (r->end - r->p < 4) {
		r->bad = 1;
		return 0;
	}
	v = (uint32_t)r->p[0] << 24 | (uint32_t)r->p[1] << 16 |
	    (uint32_t)r->p[2] << 8 | r->p[3];
	r->p += 4;
	return v;
}

static char *
get_str(struct rd *r)
{
	uint32_t	 n = get_u32(r);
	char		*s;

	if (r->bad || n == UINT32_MAX)
		return NULL;
	if ((size_t)(r->end - r->p) < n) {
		r->bad = 1;
		return NULL;
	}
	s = xstrndup((const char *)r->p, n);
	r->p += n;
	return s;
}

static struct pocat *
receive_catalogue(const char *path, const struct buf *b)
{
	struct rd	 r = { (const unsigned char *)b->data,
	    (const unsigned char *)b->data + b->len, 0 };
	struct pocat	*po;
	uint32_t	 n;

	po = xcalloc(1, sizeof(*po));
	po->path = xstrdup(path);
	po->files = xcalloc(1, sizeof(*po->files));
	po->files[po->nfiles++] = xstrdup(path);
	po->lang = get_str(&r);
	n = get_u32(&r);
	if (!r.bad && n <= b->len / 15) {
		po->ents = xcalloc(n > 0 ? n : 1, sizeof(*po->ents));
		for (uint32_t i = 0; i < n && !r.bad; i++) {
			struct poent	*e = &po->ents[po->nents++];

			e->file = po->files[0];
			e->ctxt = get_str(&r);
			e->id = get_str(&r);
			e->str = get_str(&r);
			if (e->id == NULL || e->str == NULL ||
			    r.end - r.p < 2) {
				r.bad = 1;
				break;
			}
			e->fuzzy = *r.p++;
			e->obsolete = *r.p++;
			e->line = (int)get_u32(&r);
		}
	} else
		r.bad = 1;
	if (r.bad || r.p != r.end) {
		po_free(po);
		return NULL;
	}
	return po;
}

struct pocat *
po_read_wait(struct poasync *pa)
{
	struct pocat	*po = NULL;
	struct buf	 b = { 0 };
	char		 chunk[65536];
	ssize_t		 n;
	int		 status;

	if (pa->pid > 0) {
		while ((n = read(pa->fd, chunk, sizeof(chunk))) != 0)
			if (n > 0)
				buf_add(&b, chunk, (size_t)n);
			else if (errno != EINTR)
				break;
		close(pa->fd);
		while (waitpid(pa->pid, &status, 0) == -1 && errno == EINTR)
			continue;
		if (n == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
			po = receive_catalogue(pa->path, &b);
		buf_free(&b);
	}
	if (po == NULL)
		po = po_read(pa->path);
	free(pa->path);
	free(pa);
	return po;
}

void
po_read_cancel(struct poasync *pa)
{
	int	 status;

	if (pa == NULL)
		return;
	if (pa->pid > 0) {
		close(pa->fd);	/* a child still writing ends on SIGPIPE */
		while (waitpid(pa->pid, &status, 0) == -1 && errno == EINTR)
			continue;
	}
	free(pa->path);
	free(pa);
}

/* msgfmt -c's own checks: header fields, format strings, plurals. */
void
po_lint(const char *path)
{
	po_file_t	 file;

	reading = path;
	if ((file = po_file_read(path, &handler)) == NULL)
		return;
	po_file_check_all(file, &handler);
	po_file_free(file);
}

/*
 * The languages of DIR/LINGUAS (gettext names, "#" comments), which the
 * caller frees with po_linguas_free(); NULL after reporting if the file
 * cannot be read.
 */
char **
po_linguas(const char *dir, size_t *np)
{
	char	*path, *line = NULL, **v = NULL;
	size_t	 cap = 0, n = 0;
	FILE	*f;

	*np = 0;
	path = xasprintf("%s/LINGUAS", dir);
	if ((f = fopen(path, "r")) == NULL) {
		msg(MSG_OPEN, path, 0, 0, strerror(errno));
		free(path);
		return NULL;
	}
	while (getline(&line, &cap, f) != -1) {
		char *s, *tok, *save;

		if ((s = strchr(line, '#')) != NULL)
			*s = '\0';
		for (tok = strtok_r(line, " \t\n", &save); tok != NULL;
		    tok = strtok_r(NULL, " \t\n", &save)) {
			v = xreallocarray(v, n + 1, sizeof(*v));
			v[n++] = xstrdup(tok);
		}
	}
	free(line);
	fclose(f);
	free(path);
	*np = n;
	return v;
}

void
po_linguas_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
po_usable(const struct poent *e)
{
	return !e->fuzzy && !e->obsolete && *e->str != '\0';
}

void
po_free(struct pocat *po)
{
	if (po == NULL)
		return;
	for (size_t i = 0; i < po->nents; i++) {
		free(po->ents[i].ctxt);
		free(po->ents[i].id);
		free(po->ents[i].str);
	}
	free(po->ents);
	for (size_t i = 0; i < po->nfiles; i++)
		free(po->files[i]);
	free(po->files);
	free(po->lang);
	free(po->path);
	free(po);
}
