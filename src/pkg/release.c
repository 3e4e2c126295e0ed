/*
 * release.c: building a signed release (see release.h).
 */
#define _GNU_SOURCE		/* renameat2() */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/archive.h"
#include "base/buf.h"
#include "base/data.h"
#include "base/intl.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/wfile.h"
#include "doc/doc.h"
#include "i18n/merge.h"
#include "i18n/po.h"
#include "i18n/stats.h"
#include "pkg/minisign.h"
#include "pkg/release.h"

char *
release_edition(const struct doc *d)
{
	xmlChar	*ed = doc_info(d, "edition");
	char	*s;

	if (ed == NULL)
		return NULL;
	s = xstrdup((const char *)ed);
	xmlFree(ed);
	for (char *p = s; *p != '\0'; p++)
		if (*p == ' ' || *p == '.')
			*p = '-';
	if (!manifest_id_ok(s)) {
		free(s);
		return NULL;
	}
	return s;
}

char *
release_package_name(const char *book, const char *edition, const char *id)
{
	return xasprintf("%s/%s-%s-%s.zip", id, book, edition, id);
}

/* Every language of the guide: the source and each catalogue. */
static int
load_langs(struct release *r)
{
	struct thresholds	*th;
	const struct lang	*src;
	xmlChar			*tag;
	char			**names, *path;
	size_t			 n;

	tag = xmlNodeGetLang(xmlDocGetRootElement(r->doc->xml));
	src = lang_find(tag == NULL ? "en" : (const char *)tag);
	xmlFree(tag);
	if (src == NULL)
		src = lang_find("en");
	r->langs = xcalloc(1, sizeof(*r->langs));
	r->langs[0].lang = src;
	r->langs[0].percent = 100.0;
	r->nlangs = 1;
	if ((names = po_linguas(r->o->podir, &n)) == NULL)
		return -1;
	path = xasprintf("%s/thresholds", r->o->podir);
	th = stats_thresholds(path);
	free(path);
	for (size_t i = 0; i < n; i++) {
		struct mergestats	 st;
		const struct lang	*l = lang_find(names[i]);
		struct pocat		*po;
		struct doc		*copy;
		struct rlang		*rl;

		if (l == NULL || l == src)
			continue;
		path = xasprintf("%s/%s.po", r->o->podir, l->po);
		if (access(path, F_OK) == -1 || (po = po_read(path)) == NULL) {
			free(path);
			continue;
		}
		free(path);
		copy = merge_copy(r->doc, po, l, 1, &st, NULL);
		po_free(po);
		if (copy == NULL)
			continue;
		doc_free(copy);
		r->langs = xreallocarray(r->langs, r->nlangs + 1,
		    sizeof(*r->langs));
		rl = &r->langs[r->nlangs++];
		rl->lang = l;
		rl->percent = st.messages == 0 ? 100.0 :
		    100.0 * (double)st.msgs_translated / (double)st.messages;
		rl->threshold = stats_threshold(th, l->tag);
		rl->held = 100.0 * (double)st.msgs_translated <
		    rl->threshold * (double)st.messages;
	}
	stats_thresholds_free(th);
	po_linguas_free(names, n);
	return 0;
}

static const struct rlang *
find_rlang(const struct release *r, const struct lang *l)
{
	for (size_t i = 0; i < r->nlangs; i++)
		if (r->langs[i].lang == l)
			return &r->langs[i];
	return NULL;
}

/* A file of the built editions, read once; NULL after reporting. */
static struct rfile *
get_file(struct release *r, const char *rel)
{
	struct buf	 b = { 0 };
	struct rfile	*f;
	char		*path;

	for (size_t i = 0; i < r->nfiles; i++)
		if (strcmp(r->files[i]->name, rel) == 0)
			return r->files[i];
	path = xasprintf("%s/%s", r->o->editions, rel);
	if (file_read(path, &b) == -1) {
		if (errno == ENOENT)
			msg(MSG_DIST_EDITION_FILE, path, 0, 0);
		else
			msg(MSG_OPEN, path, 0, 0, strerror(errno));
		free(path);
		return NULL;
	}
	free(path);
	f = xcalloc(1, sizeof(*f));
	f->name = xstrdup(rel);
	f->len = b.len;
	f->data = buf_detach(&b);
	sha256_hex(f->data, f->len, f->sha);
	r->files = xreallocarray(r->files, r->nfiles + 1, sizeof(*r->files));
	r->files[r->nfiles++] = f;
	return f;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files under base/rel, recursively, sorted; -1 if none. */
static int
list_tree(const char *base, const char *rel, char ***v, size_t *n)
{
	struct dirent	*de;
	struct stat	 st;
	DIR		*dir;
	char		*path, **names = NULL;
	size_t		 nn = 0;

	path = xasprintf("%s/%s", base, rel);
	if ((dir = opendir(path)) == NULL) {
		msg(MSG_DIST_EDITION_FILE, path, 0, 0);
		free(path);
		return -1;
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xreallocarray(names, nn + 1, sizeof(*names));
		names[nn++] = xstrdup(de->d_name);
	}
	closedir(dir);
	qsort(names, nn, sizeof(*names), cmp_str);
	for (size_t i = 0; i < nn; i++) {
		char *sub = xasprintf("%s/%s", rel, names[i]);
		char *full = xasprintf("%s/%s", path, names[i]);

		if (stat(full, &st) == 0 && S_ISDIR(st.st_mode))
			(void)list_tree(base, sub, v, n);
		else if (S_ISREG(st.st_mode)) {
			*v = xreallocarray(*v, *n + 1, sizeof(**v));
			(*v)[(*n)++] = sub;
			sub = NULL;
		}
		free(sub);
		free(full);
		free(names[i]);
	}
	free(names);
	free(path);
	return 0;
}

static int
add_file(struct release *r, struct rent *e, const char *rel)
{
	struct rfile	*f;

	if ((f = get_file(r, rel)) == NULL)
		return -1;
	e->files = xreallocarray(e->files, e->nfiles + 1, sizeof(*e->files));
	e->files[e->nfiles++] = f;
	e->size += f->len;
	return 0;
}

/* The files of one edition. */
static int
edition_files(struct release *r, struct rent *e)
{
	const char	*tag = e->ed->lang->tag;
	char		*rel, **v = NULL;
	size_t		 n = 0;
	int		 rc = 0;

	switch (e->ed->format) {
	case FORMAT_HTML:
		rel = xasprintf("html/%s", tag);
		if (list_tree(r->o->editions, rel, &v, &n) == -1)
			rc = -1;
		free(rel);
		for (size_t i = 0; i < n; i++) {
			if (rc == 0)
				rc = add_file(r, e, v[i]);
			free(v[i]);
		}
		free(v);
		/* The pages share the site's style sheet. */
		if (rc == 0)
			rc = add_file(r, e, "html/opas.css");
		return rc;
	case FORMAT_EPUB:
		rel = xasprintf("epub/%s-%s.epub", r->book, tag);
		break;
	case FORMAT_PDF:
		rel = xasprintf("pdf/%s-%s.pdf", r->book, tag);
		break;
	default:
		rel = xasprintf("pdf/%s-%s-a4.pdf", r->book, tag);
		break;
	}
	rc = add_file(r, e, rel);
	free(rel);
	return rc;
}

/* Every package's editions, read from the built editions. */
static int
collect(struct release *r)
{
	int	 bad = 0;

	r->pkgs = xcalloc(r->m->n, sizeof(*r->pkgs));
	r->npkgs = r->m->n;
	for (size_t i = 0; i < r->m->n; i++) {
		struct rpkg	*p = &r->pkgs[i];

		p->a = &r->m->v[i];
		p->ents = xcalloc(p->a->ned, sizeof(*p->ents));
		p->nents = p->a->ned;
		for (size_t j = 0; j < p->nents; j++) {
			struct rent *e = &p->ents[j];

			e->ed = &p->a->ed[j];
			e->rl = find_rlang(r, e->ed->lang);
			if (!e->rl->held && edition_files(r, e) == -1)
				bad++;
		}
	}
	return bad > 0 ? -1 : 0;
}

static const char *
held_reason(const struct rlang *rl, char *buf, size_t sz)
{
	snprintf(buf, sz, "the translation is %.1f%% complete; the "
	    "publication threshold is %.0f%%", rl->percent, rl->threshold);
	return buf;
}

/*
 * README.txt: what the package holds, in Finnish, Swedish and English.
 * CRLF line ends and a byte order mark, so that every Windows editor
 * shows the names right.
 */
static const struct readme_text {
	const char	*heading;
	const char	*intro;		/* title, edition, date, name */
	const char	*contents;
	const char	*none;
	const char	*print;		/* copies, language */
	const char	*held;
	const char	*held_why;	/* percent (text), threshold */
	const char	*verify;
	const char	*windows;
	const char	*fmt[FORMAT__MAX];
} readme_texts[] = {
	{ "SUOMEKSI",
	  "Tässä paketissa on perustietoaineisto \"%s\" (painos %s, %s)\r\n"
	  "vastaanottajalle: %s.\r\n",
	  "Sisältö:", "Paketissa ei ole tiedostoja.",
	  "Painettuja kirjasia toimitetaan %lu kpl kielellä %s.",
	  "Pidätetty (ei vielä julkaistu):",
	  "käännös on %s %% valmis, julkaisuraja on %.0f %%",
	  "Tarkista paketti ennen käyttöä: SHA256SUMS sisältää jokaisen\r\n"
	  "tiedoston tarkistussumman, ja SHA256SUMS.minisig on sen "
	  "allekirjoitus\r\n(avain %s). Komennot:",
	  "Windowsissa: Get-FileHash -Algorithm SHA256 TIEDOSTO "
	  "(PowerShell).",
	  { "HTML-sivusto", "EPUB-e-kirja", "PDF (A5)",
	    "A4-tulostus-PDF" } },
	{ "PÅ SVENSKA",
	  "Detta paket innehåller grundinformationen \"%s\" (upplaga %s, "
	  "%s)\r\ntill mottagaren: %s.\r\n",
	  "Innehåll:", "Paketet innehåller inga filer.",
	  "%lu tryckta häften levereras på språket %s.",
	  "Tillbakahållet (ännu inte publicerat):",
	  "översättningen är %s %% klar, gränsen för publicering är "
	  "%.0f %%",
	  "Kontrollera paketet före användning: SHA256SUMS innehåller "
	  "kontrollsumman\r\nför varje fil, och SHA256SUMS.minisig är dess "
	  "signatur (nyckel %s).\r\nKommandon:",
	  "I Windows: Get-FileHash -Algorithm SHA256 FIL (PowerShell).",
	  { "HTML-webbplats", "EPUB-e-bok", "PDF (A5)",
	    "A4-PDF för utskrift" } },
	{ "IN ENGLISH",
	  "This package holds the basic-information guide \"%s\" (edition "
	  "%s, %s)\r\nfor: %s.\r\n",
	  "Contents:", "The package holds no files.",
	  "%lu printed booklets are delivered in %s.",
	  "Held back (not published yet):",
	  "the translation is %s%% complete; the publication threshold "
	  "is %.0f%%",
	  "Check the package before use: SHA256SUMS holds the checksum of "
	  "every file,\r\nand SHA256SUMS.minisig is its signature (key %s). "
	  "Commands:",
	  "On Windows: Get-FileHash -Algorithm SHA256 FILE (PowerShell).",
	  { "HTML site", "EPUB e-book", "PDF (A5)",
	    "A4 print PDF" } },
};

/*
 * The formats come from readme_texts[] above, each with the conversions
 * its comment names, so the compiler's check is not needed here.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
readme(const struct release *r, const struct rpkg *p)
{
	struct buf	 b = { 0 };

	buf_adds(&b, "\xef\xbb\xbf");
	buf_addf(&b, "%s %s: %s\r\n", r->title, r->edition, p->a->id);
	for (size_t t = 0; t < sizeof(readme_texts) /
	    sizeof(readme_texts[0]); t++) {
		const struct readme_text *x = &readme_texts[t];
		const char *name = t == 0 ? p->a->name_fi :
		    t == 1 ? p->a->name_sv : p->a->name_en;
		int any = 0, held = 0;
		char pct[16], *dot;

		buf_addf(&b, "\r\n== %s ==\r\n\r\n", x->heading);
		buf_addf(&b, x->intro, r->title, r->edition, r->date, name);
		buf_addf(&b, "\r\n%s\r\n", x->contents);
		for (size_t i = 0; i < p->nents; i++) {
			const struct rent *e = &p->ents[i];

			if (e->files == NULL)
				continue;
			any = 1;
			buf_addf(&b, "  %s (%s), %s:\r\n",
			    e->ed->lang->native, e->ed->lang->tag,
			    x->fmt[e->ed->format]);
			for (size_t k = 0; k < e->nfiles; k++)
				if (e->ed->format != FORMAT_HTML ||
				    k == 0) {
					buf_addf(&b, "    %s%s\r\n",
					    e->ed->format == FORMAT_HTML ?
					    "html/" : e->files[k]->name,
					    e->ed->format == FORMAT_HTML ?
					    e->ed->lang->tag : "");
					if (e->ed->format == FORMAT_HTML)
						buf_addf(&b, "    html/%s/"
						    "index.html\r\n",
						    e->ed->lang->tag);
				}
		}
		if (!any)
			buf_addf(&b, "  %s\r\n", x->none);
		for (size_t i = 0; i < p->nents; i++) {
			const struct rent *e = &p->ents[i];

			if (e->ed->format == FORMAT_PRINT && !e->rl->held) {
				buf_adds(&b, "\r\n");
				buf_addf(&b, x->print, e->ed->copies,
				    e->ed->lang->native);
				buf_adds(&b, "\r\n");
			}
		}
		for (size_t i = 0; i < p->nents; i++) {
			const struct rent *e = &p->ents[i];

			if (!e->rl->held)
				continue;
			if (!held++)
				buf_addf(&b, "\r\n%s\r\n", x->held);
			buf_addf(&b, "  %s (%s), %s: ", e->ed->lang->native,
			    e->ed->lang->tag, x->fmt[e->ed->format]);
			/* Finnish and Swedish write a decimal comma. */
			snprintf(pct, sizeof(pct), "%.1f", e->rl->percent);
			if (t < 2 && (dot = strchr(pct, '.')) != NULL)
				*dot = ',';
			buf_addf(&b, x->held_why, pct, e->rl->threshold);
			buf_adds(&b, "\r\n");
		}
		buf_adds(&b, "\r\n");
		buf_addf(&b, x->verify, r->keyid);
		buf_adds(&b, "\r\n  sha256sum -c SHA256SUMS\r\n"
		    "  minisign -Vm SHA256SUMS -p minisign.pub\r\n"
		    "  opas verify .\r\n");
		buf_addf(&b, "%s\r\n", x->windows);
	}
	return buf_detach(&b);
}
#pragma GCC diagnostic pop

/* Is the name's kind already compressed (stored, not deflated)? */
static enum archivecomp
comp_for(const char *name)
{
	size_t	 n = strlen(name);

	if ((n > 4 && strcmp(name + n - 4, ".pdf") == 0) ||
	    (n > 5 && strcmp(name + n - 5, ".epub") == 0))
		return ARCHIVE_STORE;
	return ARCHIVE_DEFLATE;
}

static void
sums_add(struct buf *b, const char *sha, const char *name)
{
	buf_addf(b, "%s  %s\n", sha, name);
}

static char *
trusted_comment(const struct release *r, const char *file)
{
	return xasprintf("timestamp:%lld\tfile:%s\thashed",
	    (long long)r->epoch, file);
}

/* Is file k of entry i also a file of an earlier entry or place? */
static int
added_before(const struct rpkg *p, size_t i, size_t k)
{
	const struct rfile	*f = p->ents[i].files[k];

	for (size_t j = 0; j <= i; j++)
		for (size_t m = 0; m < (j == i ? k : p->ents[j].nfiles); m++)
			if (p->ents[j].files[m] == f)
				return 1;
	return 0;
}

/* One authority's package, written into the stage. */
static int
write_package(struct release *r, struct rpkg *p)
{
	struct archive	*ar;
	struct buf	 sums = { 0 };
	char		*top, *path, *text, *sig, *tc, *bytes, sha[65];
	size_t		 len;
	int		 rc = -1, any = 0;

	for (size_t i = 0; i < p->nents; i++)
		if (p->ents[i].files != NULL)
			any = 1;
	if (!any)
		return 0;	/* nothing to send: the manifest says why */
	p->file = release_package_name(r->book, r->edition, p->a->id);
	path = xasprintf("%s/%s", r->stage, p->file);
	top = xasprintf("%s-%s-%s", r->book, r->edition, p->a->id);
	ar = archive_new(path, r->epoch);

	/* README first, then the editions, then what vouches for them. */
	text = readme(r, p);
	sha256_hex(text, strlen(text), sha);
	sums_add(&sums, sha, "README.txt");
	bytes = xasprintf("%s/README.txt", top);
	archive_add(ar, bytes, text, strlen(text), ARCHIVE_DEFLATE);
	free(bytes);
	for (size_t i = 0; i < p->nents; i++) {
		const struct rent *e = &p->ents[i];

		for (size_t k = 0; k < e->nfiles; k++) {
			const struct rfile *f = e->files[k];
			char *name, *copy;

			/* html/opas.css is shared by the languages. */
			if (added_before(p, i, k))
				continue;
			name = xasprintf("%s/%s", top, f->name);
			copy = xmalloc(f->len > 0 ? f->len : 1);
			memcpy(copy, f->data, f->len);
			if (archive_add(ar, name, copy, f->len,
			    comp_for(f->name)) == 0)
				sums_add(&sums, f->sha, f->name);
			free(name);
		}
	}
	sha256_hex(r->pubtext, strlen(r->pubtext), sha);
	sums_add(&sums, sha, "minisign.pub");
	tc = trusted_comment(r, "SHA256SUMS");
	sig = ms_sign(r->key, sums.data, sums.len, tc);
	free(tc);
	bytes = xasprintf("%s/SHA256SUMS", top);
	archive_add(ar, bytes, xstrdup(buf_str(&sums)), sums.len,
	    ARCHIVE_DEFLATE);
	free(bytes);
	bytes = xasprintf("%s/SHA256SUMS.minisig", top);
	archive_add(ar, bytes, sig, strlen(sig), ARCHIVE_DEFLATE);
	free(bytes);
	bytes = xasprintf("%s/minisign.pub", top);
	archive_add(ar, bytes, xstrdup(r->pubtext), strlen(r->pubtext),
	    ARCHIVE_DEFLATE);
	free(bytes);

	if (archive_bytes(ar, &bytes, &len) == 0) {
		char *dir = xasprintf("%s/%s", r->stage, p->a->id);

		if (wfile_mkdirs(dir) == 0 &&
		    wfile_write(path, bytes, len) == 0) {
			p->size = len;
			sha256_hex(bytes, len, p->sha);
			rc = 0;
		}
		free(dir);
		free(bytes);
	}
	archive_free(ar);
	buf_free(&sums);
	free(top);
	free(path);
	return rc;
}

/* SHA256SUMS over every file of the release, and its signature. */
static int
write_sums(struct release *r)
{
	static const char *const own[] = {
		"feed.atom", "index.html", "manifest.json", "minisign.pub"
	};
	struct buf	 sums = { 0 };
	char		**names = NULL, *sig, *tc, *path;
	size_t		 n = 0;
	int		 rc = -1;

	for (size_t i = 0; i < sizeof(own) / sizeof(own[0]); i++) {
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrdup(own[i]);
	}
	for (size_t i = 0; i < r->npkgs; i++)
		if (r->pkgs[i].file != NULL) {
			names = xreallocarray(names, n + 1, sizeof(*names));
			names[n++] = xstrdup(r->pkgs[i].file);
		}
	qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		struct buf	 b = { 0 };
		char		 sha[65];
		size_t		 k;

		/* A package's SHA-256 is known from when it was made. */
		for (k = 0; k < r->npkgs; k++)
			if (r->pkgs[k].file != NULL &&
			    strcmp(r->pkgs[k].file, names[i]) == 0)
				break;
		if (k < r->npkgs) {
			sums_add(&sums, r->pkgs[k].sha, names[i]);
			continue;
		}
		path = xasprintf("%s/%s", r->stage, names[i]);
		if (file_read(path, &b) == -1) {
			msg(MSG_OPEN, path, 0, 0, strerror(errno));
			free(path);
			goto out;
		}
		free(path);
		sha256_hex(b.data, b.len, sha);
		sums_add(&sums, sha, names[i]);
		buf_free(&b);
	}
	path = xasprintf("%s/SHA256SUMS", r->stage);
	if (wfile_write(path, sums.data, sums.len) == -1) {
		free(path);
		goto out;
	}
	free(path);
	tc = trusted_comment(r, "SHA256SUMS");
	sig = ms_sign(r->key, sums.data, sums.len, tc);
	free(tc);
	path = xasprintf("%s/SHA256SUMS.minisig", r->stage);
	rc = wfile_write(path, sig, strlen(sig));
	free(path);
	free(sig);
out:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	buf_free(&sums);
	return rc;
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	return remove(path);
}

static void
rm_tree(const char *path)
{
	(void)nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/*
 * May the output folder be replaced?  Yes when it does not exist, is
 * empty, or holds an earlier release (its manifest and SHA256SUMS).
 */
static int
outdir_ok(const char *dir)
{
	struct stat	 st;
	DIR		*d;
	struct dirent	*de;
	char		*a, *b;
	int		 ok, empty = 1;

	if (stat(dir, &st) == -1)
		return errno == ENOENT;
	if (!S_ISDIR(st.st_mode))
		return 0;
	a = xasprintf("%s/manifest.json", dir);
	b = xasprintf("%s/SHA256SUMS", dir);
	ok = access(a, F_OK) == 0 && access(b, F_OK) == 0;
	free(a);
	free(b);
	if (ok)
		return 1;
	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	return empty;
}

/* Put the finished stage in the output folder's place. */
static int
publish(struct release *r)
{
	const char	*out = r->o->outdir;
	struct stat	 st;

	if (stat(out, &st) == -1) {
		if (rename(r->stage, out) == -1) {
			msg(MSG_WRITE, out, 0, 0, strerror(errno));
			return -1;
		}
		return 0;
	}
	/* Swap the two folders in one step where the kernel can. */
	if (renameat2(AT_FDCWD, r->stage, AT_FDCWD, out,
	    RENAME_EXCHANGE) == 0) {
		rm_tree(r->stage);
		return 0;
	}
	/* Else two renames: a moment without the folder, never half of one. */
	{
		char *old = xasprintf("%s.old", r->stage);

		if (rename(out, old) == -1) {
			msg(MSG_WRITE, out, 0, 0, strerror(errno));
			free(old);
			return -1;
		}
		if (rename(r->stage, out) == -1) {
			msg(MSG_WRITE, out, 0, 0, strerror(errno));
			(void)rename(old, out);
			free(old);
			return -1;
		}
		rm_tree(old);
		free(old);
	}
	return 0;
}

static void
release_free(struct release *r)
{
	for (size_t i = 0; i < r->npkgs; i++) {
		for (size_t j = 0; j < r->pkgs[i].nents; j++)
			free(r->pkgs[i].ents[j].files);
		free(r->pkgs[i].ents);
		free(r->pkgs[i].file);
	}
	free(r->pkgs);
	for (size_t i = 0; i < r->nfiles; i++) {
		free(r->files[i]->name);
		free(r->files[i]->data);
		free(r->files[i]);
	}
	free(r->files);
	free(r->langs);
	manifest_free(r->m);
	ms_seckey_free(r->key);
	free(r->pubtext);
	free(r->book);
	free(r->title);
	free(r->publisher);
	free(r->edition);
	doc_free(r->doc);
	if (r->stage != NULL) {
		rm_tree(r->stage);
		free(r->stage);
	}
}

int
release_build(const struct release_opts *o)
{
	struct release		 r;
	const struct lang	**avail;
	struct mspub		 pub;
	struct tm		 tm;
	xmlChar			*title;
	char			*parent, *slash;
	int			 ok = 0;

	memset(&r, 0, sizeof(r));
	r.o = o;
	if (!outdir_ok(o->outdir)) {
		msg(MSG_DIST_OUTDIR, o->outdir, 0, 0);
		return OPAS_EXIT_ERROR;
	}
	if ((r.key = ms_seckey_read(o->keyfile)) == NULL)
		goto out;
	ms_pubkey(r.key, &pub);
	ms_keyid(pub.keynum, r.keyid);
	r.pubtext = ms_pub_text(&pub);
	r.devkey = strstr(r.key->comment, "development key") != NULL;
	if ((r.doc = doc_read(o->source)) == NULL)
		goto out;
	r.book = doc_book_id(r.doc);
	title = doc_info(r.doc, "title");
	r.title = xstrdup(title == NULL ? r.book : (const char *)title);
	xmlFree(title);
	title = doc_info(r.doc, "publisher/publishername");
	r.publisher = xstrdup(title == NULL ? r.book : (const char *)title);
	xmlFree(title);
	if ((r.edition = release_edition(r.doc)) == NULL) {
		msg(MSG_DIST_NO_EDITION_ID, o->source, 0, 0);
		goto out;
	}
	r.epoch = doc_date(r.doc);
	gmtime_r(&r.epoch, &tm);
	strftime(r.date, sizeof(r.date), "%Y-%m-%d", &tm);
	if (load_langs(&r) == -1)
		goto out;
	avail = xcalloc(r.nlangs, sizeof(*avail));
	for (size_t i = 0; i < r.nlangs; i++)
		avail[i] = r.langs[i].lang;
	r.m = manifest_read(o->manifest, avail, r.nlangs);
	free(avail);
	if (r.m == NULL)
		goto out;
	for (size_t i = 0; i < r.nlangs; i++)
		if (r.langs[i].held) {
			char why[160];

			char *po = xasprintf("%s/%s.po", o->podir,
			    r.langs[i].lang->po);

			msg(MSG_DIST_HELD, po, 0, 0,
			    r.langs[i].lang->english,
			    held_reason(&r.langs[i], why, sizeof(why)));
			free(po);
		}
	if (collect(&r) == -1)
		goto out;

	/* The stage: a new folder beside the output folder. */
	parent = xstrdup(o->outdir);
	if ((slash = strrchr(parent, '/')) != NULL && slash != parent) {
		*slash = '\0';
		if (wfile_mkdirs(parent) == -1) {
			free(parent);
			goto out;
		}
	}
	free(parent);
	r.stage = xasprintf("%s.tmpXXXXXX", o->outdir);
	if (mkdtemp(r.stage) == NULL) {
		msg(MSG_WRITE, o->outdir, 0, 0, strerror(errno));
		free(r.stage);
		r.stage = NULL;
		goto out;
	}
	(void)chmod(r.stage, 0755);
	for (size_t i = 0; i < r.npkgs; i++)
		if (write_package(&r, &r.pkgs[i]) == -1)
			goto out;
	{
		char *path = xasprintf("%s/minisign.pub", r.stage);
		int rc = wfile_write(path, r.pubtext, strlen(r.pubtext));

		free(path);
		if (rc == -1)
			goto out;
	}
	if (portal_manifest_json(&r) == -1 || portal_index_html(&r) == -1 ||
	    portal_feed(&r) == -1 || write_sums(&r) == -1)
		goto out;
	if (publish(&r) == -1)
		goto out;
	free(r.stage);
	r.stage = NULL;
	ok = 1;
	if (r.devkey)
		msg(MSG_DIST_DEVKEY, o->keyfile, 0, 0);
out:
	if (!ok)
		msg(MSG_DIST_FAILED, o->outdir, 0, 0);
	else {
		size_t	 npk = 0, total = 0;

		for (size_t i = 0; i < r.npkgs; i++)
			if (r.pkgs[i].file != NULL) {
				npk++;
				total += r.pkgs[i].size;
			}
		printf(_("  dist     %s  %zu packages for %zu authorities, "
		    "%zu bytes, signed by key %s\n"), o->outdir, npk,
		    r.npkgs, total, r.keyid);
	}
	release_free(&r);
	return msg_exit_status();
}
