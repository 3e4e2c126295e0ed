/*
 * hpdf.c: the PDF device, through libharu (see pdfdev.h).  The only
 * file that includes hpdf.h.
 *
 * libharu's error handler only records the first error: nothing jumps
 * through opas's code.  Every font is subset with HarfBuzz before
 * libharu sees it; with libharu 2.3.0, whose embedding drops nested
 * composite glyphs (Arabic dots), every glyph of the subset is then
 * marked as used (the subset holds nothing else anyway), and each
 * font's ToUnicode map, which 2.3.0 writes wrong, is written anew.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <hpdf.h>
#include <zlib.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/sha256.h"
#include "base/msg.h"
#include "base/wfile.h"
#include "layout/dl.h"
#include "layout/font.h"
#include "layout/pdfdev.h"

struct	state {
	HPDF_STATUS	 err;
	HPDF_STATUS	 detail;
};

static void
on_error(HPDF_STATUS err, HPDF_STATUS detail, void *arg)
{
	struct state	*st = arg;

	if (st->err == 0) {
		st->err = err;
		st->detail = detail;
	}
}

static void
harufail(const char *path, const struct state *st)
{
	char	 e[48];

	snprintf(e, sizeof(e), "0x%04X, detail %u", (unsigned)st->err,
	    (unsigned)st->detail);
	msg(MSG_PDF_LIBHARU, path, 0, 0, e);
}

/* libharu 2.3.0: every glyph of a (subset) font counts as used. */
static void
use_all_glyphs(HPDF_Doc pdf, const char *name)
{
	HPDF_FontDef		 def;
	HPDF_TTFontDefAttr	 attr;

	if (strcmp(HPDF_VERSION_TEXT, "2.3.0") != 0)
		return;
	/* For tests/pdf-pixels.sh only: show what the bug does. */
	if (getenv("OPAS_TEST_NO_GLYPH_FIX") != NULL)
		return;
	if ((def = HPDF_GetFontDef(pdf, name)) == NULL ||
	    (attr = (HPDF_TTFontDefAttr)def->attr) == NULL ||
	    attr->glyph_tbl.flgs == NULL)
		return;
	memset(attr->glyph_tbl.flgs, 1, attr->num_glyphs);
}

/* The text a code drawn in a font stands for, where it is not itself. */
struct	totext {
	uint16_t	 code;
	uint16_t	 text[4];	/* characters, 0 after the last */
};

/* Sorted by code: the Thai PUA (U+F7xx) before the Arabic forms. */
static const struct totext totext[] = {
#define	THAIPUA(code, c)	{ (code), { (c) } },
#include "layout/thaipua.def"
#undef	THAIPUA
#define	ARABPF(code, ...)	{ (code), { __VA_ARGS__ } },
#include "layout/arabpf.def"
#undef	ARABPF
};

static int
totext_cmp(const void *key, const void *elem)
{
	uint32_t		 c = *(const uint32_t *)key;
	const struct totext	*t = elem;

	return c < t->code ? -1 : c > t->code;
}

/* The characters a code stands for, into text; how many (1 to 4). */
static size_t
code_text(uint32_t code, uint32_t *text)
{
	const struct totext	*t;
	size_t			 n = 0;

	t = bsearch(&code, totext, sizeof(totext) / sizeof(totext[0]),
	    sizeof(totext[0]), totext_cmp);
	if (t == NULL) {
		text[0] = code;
		return 1;
	}
	while (n < 4 && t->text[n] != 0) {
		text[n] = t->text[n];
		n++;
	}
	return n;
}

/* A character as UTF-16BE hex digits. */
static void
add_utf16(struct buf *b, uint32_t c)
{
	if (c > 0xFFFF)
		buf_addf(b, "%04X%04X",
		    (unsigned)(0xD800 + ((c - 0x10000) >> 10)),
		    (unsigned)(0xDC00 + ((c - 0x10000) & 0x3FF)));
	else
		buf_addf(b, "%04X", (unsigned)c);
}

struct	bfrange {
	uint32_t	 lo, hi;	/* codes */
	uint32_t	 to;		/* the character of lo */
};

struct	bfchar {
	uint32_t	 code;
	uint32_t	 text[4];
	size_t		 n;
};

/* A run of codes: a range if it has two or more, else one char. */
static void
add_run(const struct bfrange *r, struct bfrange **rv, size_t *nr,
    struct bfchar **cv, size_t *nc)
{
	if (r->hi > r->lo) {
		*rv = xreallocarray(*rv, *nr + 1, sizeof(**rv));
		(*rv)[(*nr)++] = *r;
	} else {
		*cv = xreallocarray(*cv, *nc + 1, sizeof(**cv));
		(*cv)[*nc].code = r->lo;
		(*cv)[*nc].text[0] = r->to;
		(*cv)[(*nc)++].n = 1;
	}
}

/*
 * A ToUnicode CMap for the codes of the characters set in a font (with
 * the "UTF-8" encoder, the code of a BMP character is the character):
 * runs of codes that map to consecutive single characters, most of all
 * to themselves, become bfrange entries (never across a change of the
 * high byte, of the code or of the character); ligatures, presentation
 * forms and PUA glyphs become bfchar entries; at most 100 a block.
 */
static void
tounicode_cmap(const struct font *f, struct buf *b)
{
	struct bfrange	*rv = NULL, run = { 0, 0, 0 };
	struct bfchar	*cv = NULL;
	size_t		 nr = 0, nc = 0;
	uint32_t	 c = FONT_NONE, text[4];
	size_t		 n;
	int		 inrun = 0;

	while (font_next_used(f, &c)) {
		/* libharu draws BMP characters only. */
		if (c > 0xFFFF || (c >= 0xD800 && c <= 0xDFFF))
			continue;
		n = code_text(c, text);
		if (inrun && n == 1 && c == run.hi + 1 && (c & 0xFF) != 0 &&
		    text[0] == run.to + (c - run.lo) &&
		    (text[0] & 0xFF) != 0) {
			run.hi = c;
			continue;
		}
		if (inrun)
			add_run(&run, &rv, &nr, &cv, &nc);
		inrun = 0;
		if (n == 1 && text[0] <= 0xFFFF) {
			run.lo = run.hi = c;
			run.to = text[0];
			inrun = 1;
		} else {
			cv = xreallocarray(cv, nc + 1, sizeof(*cv));
			cv[nc].code = c;
			memcpy(cv[nc].text, text, n * sizeof(text[0]));
			cv[nc++].n = n;
		}
	}
	if (inrun)
		add_run(&run, &rv, &nr, &cv, &nc);

	buf_adds(b, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\n"
	    "begincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (size_t i = 0; i < nr; i++) {
		if (i % 100 == 0)
			buf_addf(b, "%zu beginbfrange\n",
			    nr - i < 100 ? nr - i : 100);
		buf_addf(b, "<%04X> <%04X> <%04X>\n", (unsigned)rv[i].lo,
		    (unsigned)rv[i].hi, (unsigned)rv[i].to);
		if (i % 100 == 99 || i + 1 == nr)
			buf_adds(b, "endbfrange\n");
	}
	for (size_t i = 0; i < nc; i++) {
		if (i % 100 == 0)
			buf_addf(b, "%zu beginbfchar\n",
			    nc - i < 100 ? nc - i : 100);
		buf_addf(b, "<%04X> <", (unsigned)cv[i].code);
		for (size_t k = 0; k < cv[i].n; k++)
			add_utf16(b, cv[i].text[k]);
		buf_adds(b, ">\n");
		if (i % 100 == 99 || i + 1 == nc)
			buf_adds(b, "endbfchar\n");
	}
	buf_adds(b, "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\n"
	    "end\n");
	free(rv);
	free(cv);
}

/*
 * libharu 2.3.0 gives a Type0 font as its ToUnicode map a copy of its
 * encoding CMap (begincidrange <0000> <FFFF> 0): poppler warns about
 * every font, and other readers may extract nothing.  That stream
 * object is kept (no orphan in the file) but emptied and filled with
 * the font's real ToUnicode map; the keys only an encoding CMap has
 * go.  -1 if libharu failed (its error is recorded).
 */
static int
fix_tounicode(HPDF_Font hf, const struct font *f)
{
	static const char *const cidkeys[] = {
		"Type", "CMapName", "CIDSystemInfo", "WMode"
	};
	HPDF_Dict	 cm;
	struct buf	 b = { 0 };
	int		 rc = 0;

	if (strcmp(HPDF_VERSION_TEXT, "2.3.0") != 0)
		return 0;
	if ((cm = HPDF_Dict_GetItem(hf, "ToUnicode",
	    HPDF_OCLASS_DICT)) == NULL || cm->stream == NULL ||
	    cm->stream->type != HPDF_STREAM_MEMORY)
		return 0;
	for (size_t i = 0; i < sizeof(cidkeys) / sizeof(cidkeys[0]); i++)
		HPDF_Dict_RemoveElement(cm, cidkeys[i]);
	HPDF_MemStream_FreeData(cm->stream);
	tounicode_cmap(f, &b);
	if (HPDF_Stream_Write(cm->stream, (const HPDF_BYTE *)b.data,
	    (HPDF_UINT)b.len) != HPDF_OK)
		rc = -1;
	buf_free(&b);
	return rc;
}

/*
 * The subset of a font, loaded through a temporary file.  If that file
 * cannot be written (a full disk, a file size limit), the PDF at out
 * is what failed: say so, with the reason and the temporary file.
 */
static HPDF_Font
load_font(HPDF_Doc pdf, struct font *f, struct state *st, const char *out)
{
	const char	*tmpdir = getenv("TMPDIR");
	char		*data, *path, *why;
	const char	*name;
	size_t		 len;
	HPDF_Font	 hf = NULL;
	FILE		*fp;
	int		 fd, e = 0;

	if (font_subset(f, &data, &len) == -1)
		return NULL;
	path = xasprintf("%s/opas-font.XXXXXX", tmpdir != NULL &&
	    *tmpdir != '\0' ? tmpdir : "/tmp");
	if ((fd = mkstemp(path)) == -1)
		e = errno;
	else if ((fp = fdopen(fd, "wb")) == NULL) {
		e = errno;
		close(fd);
	} else {
		if (fwrite(data, 1, len, fp) != len)
			e = errno != 0 ? errno : EIO;
		/* Closed whether or not the write went well. */
		if (fclose(fp) != 0 && e == 0)
			e = errno;
	}
	free(data);
	if (e != 0) {
		why = xasprintf("%s (temporary font file %s)", strerror(e),
		    path);
		msg(MSG_WRITE, out, 0, 0, why);
		free(why);
		if (fd != -1)
			unlink(path);
		free(path);
		return NULL;
	}
	name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
	if (name != NULL) {
		use_all_glyphs(pdf, name);
		hf = HPDF_GetFont(pdf, name, "UTF-8");
		if (hf != NULL && fix_tounicode(hf, f) == -1)
			hf = NULL;
	}
	unlink(path);
	free(path);
	if (hf == NULL || st->err != 0)
		harufail(f->path, st);
	return st->err != 0 ? NULL : hf;
}

/*
 * A number for a content stream: digits decimals (at most 6), no
 * trailing zeros.  (printf's %f costs more than all the rest of a piece
 * of text.)
 */
static void
add_dec(struct buf *b, double v, int digits)
{
	static const long long	 scale[] = { 1, 10, 100, 1000, 10000,
	    100000, 1000000 };
	char		 s[32], *p = s + sizeof(s);
	long long	 m, frac;
	int		 neg = v < 0;

	/* Page coordinates: far inside what a long long holds. */
	if (v > 1e9 || v < -1e9 || v != v)
		v = 0;
	m = (long long)((neg ? -v : v) * (double)scale[digits] + 0.5);
	if (m == 0) {
		buf_add(b, "0", 1);
		return;
	}
	frac = m % scale[digits];
	m /= scale[digits];
	if (frac != 0) {
		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		for (; digits > 0; digits--) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + m % 10);
		m /= 10;
	} while (m > 0);
	if (neg)
		*--p = '-';
	buf_add(b, p, (size_t)(s + sizeof(s) - p));
}

/* A position or size: a thousandth of a point. */
static void
add_num(struct buf *b, double v)
{
	add_dec(b, v, 3);
}

/*
 * A piece of text at (dx, dy) from the last one of its text object:
 * "dx dy Td (codes) Tj", added to the page's content (see
 * pdfdev_write()).  HPDF_Page_TextOut() would do the same, but it measures the
 * text again and clears a 2 KB buffer for every move: a third of the
 * time of writing a PDF.  With the "UTF-8" encoder the code of a BMP
 * character is the character (Identity-H), as the ToUnicode maps say;
 * the codes go in a literal string, two bytes each, half the size of a
 * hexadecimal one.
 */
static void
show(struct buf *b, const struct dlitem *it, double dx, double dy)
{
	add_num(b, dx);
	buf_add(b, " ", 1);
	add_num(b, dy);
	buf_add(b, " Td (", 5);
	for (size_t k = 0; k < it->n; k++) {
		uint32_t	 c = it->cp[k] > 0xffff ? 0xfffd : it->cp[k];
		unsigned char	 by[2];

		by[0] = (unsigned char)(c >> 8);
		by[1] = (unsigned char)c;
		for (int i = 0; i < 2; i++) {
			/* A literal string: these bytes are escaped. */
			if (by[i] == '(' || by[i] == ')' || by[i] == '\\')
				buf_addc(b, '\\');
			if (by[i] == '\n' || by[i] == '\r') {
				char	 o[4] = { '\\', '0', '1',
				    by[i] == '\n' ? '2' : '5' };

				buf_add(b, o, 4);
			} else
				buf_addc(b, (char)by[i]);
		}
	}
	buf_add(b, ") Tj\n", 5);
}

/*
 * Page contents, most of a book's bytes, are compressed here: libharu
 * deflates every stream at zlib's default level, a fifth of the time of
 * writing a PDF, and has no setting for it.  Level 3 makes them some 9 %
 * larger and takes half the time.  libharu then copies the bytes as
 * they are (no filter of its own), and flate_entry() puts the filter in
 * the stream's dictionary, where libharu writes its own entries.
 */
#define CONTENT_LEVEL	3

static HPDF_STATUS
flate_entry(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

/*
 * A page's content, which opas wrote into pb, deflated into its stream;
 * if zlib fails, written as it is for libharu to compress.
 */
static void
deflate_page(HPDF_Page pg, const struct buf *pb, z_stream *z, int zok,
    struct buf *out)
{
	HPDF_PageAttr	 attr = (HPDF_PageAttr)pg->attr;
	unsigned char	 chunk[16384];
	int		 rc = Z_STREAM_ERROR;

	buf_reset(out);
	if (zok && attr->contents->filter == HPDF_STREAM_FILTER_FLATE_DECODE &&
	    deflateReset(z) == Z_OK) {
		z->next_in = (unsigned char *)(pb->data != NULL ?
		    pb->data : "");
		z->avail_in = (uInt)pb->len;
		do {
			z->next_out = chunk;
			z->avail_out = sizeof(chunk);
			rc = deflate(z, Z_FINISH);
			if (rc == Z_STREAM_ERROR)
				break;
			buf_add(out, chunk, sizeof(chunk) - z->avail_out);
		} while (z->avail_out == 0);
	}
	if (rc == Z_STREAM_END) {
		HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)out->data,
		    (HPDF_UINT)out->len);
		attr->contents->filter = HPDF_STREAM_FILTER_NONE;
		attr->contents->write_fn = flate_entry;
	} else if (pb->len > 0)
		HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)pb->data,
		    (HPDF_UINT)pb->len);
}

static void
deflate_pages(HPDF_Page *pages, struct buf *content, int n)
{
	z_stream	 z;
	struct buf	 out = { 0 };
	int		 zok;

	memset(&z, 0, sizeof(z));
	/* A page is some 10 KB: a smaller hash table, cleared per page. */
	zok = deflateInit2(&z, CONTENT_LEVEL, Z_DEFLATED, 15, 6,
	    Z_DEFAULT_STRATEGY) == Z_OK;
	for (int i = 0; i < n; i++)
		deflate_page(pages[i], &content[i], &z, zok, &out);
	if (zok)
		deflateEnd(&z);
	buf_free(&out);
}

/*
 * A rectangle: a frame's border (lw > 0) or its fill.  Written here,
 * like the text, with the colours and width it needs: libharu's calls
 * for the five operators measured and formatted each number again.
 */
static void
rect(struct buf *b, const struct dlitem *it, double y)
{
	if (it->lw > 0) {
		add_num(b, it->lw);
		buf_add(b, " w\n0.55 G\n", 11);
	} else {
		add_num(b, it->gray);
		buf_add(b, " g\n", 3);
	}
	add_num(b, it->x);
	buf_addc(b, ' ');
	add_num(b, y - it->h);
	buf_addc(b, ' ');
	add_num(b, it->w);
	buf_addc(b, ' ');
	add_num(b, it->h);
	buf_adds(b, it->lw > 0 ? " re\nS\n" : " re\nf\n0 g\n");
}

struct	destpos {
	const char	*name;
	int		 page;
	double		 y;
};

static const struct destpos *
dest_find(const struct destpos *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return &v[i];
	return NULL;
}

static HPDF_Destination
make_dest(HPDF_Page *pages, const struct dl *dl, const struct destpos *d)
{
	HPDF_Destination dst = HPDF_Page_CreateDestination(pages[d->page]);

	if (dst != NULL)
		HPDF_Destination_SetXYZ(dst, 0, (HPDF_REAL)(dl->ph - d->y +
		    4), 1);
	return dst;
}

/*
 * The document straight into the output file: HPDF_SaveToStream()
 * writes to the document's stream, a memory stream unless one is set,
 * and copying that out again cost a tenth of writing a PDF.  It gets a
 * stream that writes to the temporary file wfile_open() made.
 */
struct	sink {
	FILE		*f;
	int		 err;		/* errno of a failed write */
	size_t		 bytes;
	size_t		 n;		/* in buf */
	unsigned char	 buf[65536];	/* libharu writes a token at a time */
};

static int
sink_flush(struct sink *k)
{
	if (k->n > 0 && fwrite(k->buf, 1, k->n, k->f) != k->n) {
		k->err = errno;
		return -1;
	}
	k->n = 0;
	return 0;
}

static HPDF_STATUS
sink_write(HPDF_Stream s, const HPDF_BYTE *p, HPDF_UINT n)
{
	struct sink	*k = s->attr;

	k->bytes += n;
	if (n > sizeof(k->buf) - k->n) {
		if (sink_flush(k) == -1)
			return HPDF_FILE_IO_ERROR;
		if (n >= sizeof(k->buf) && fwrite(p, 1, n, k->f) != n) {
			k->err = errno;
			return HPDF_FILE_IO_ERROR;
		}
		if (n >= sizeof(k->buf))
			return HPDF_OK;
	}
	memcpy(k->buf + k->n, p, n);
	k->n += n;
	return HPDF_OK;
}

/*
 * 0, or -1 after reporting a write error, or with libharu's error in
 * st for the caller to report.
 */
static int
save(HPDF_Doc pdf, const char *path, struct state *st, size_t *size)
{
	struct wfile	*wf;
	struct sink	*k;
	int		 saved;

	if ((wf = wfile_open(path)) == NULL)
		return -1;
	k = xmalloc(sizeof(*k));
	k->f = wf->f;
	k->err = 0;
	k->bytes = k->n = 0;
	if (pdf->stream == NULL && (pdf->stream =
	    HPDF_CallbackWriter_New(pdf->mmgr, sink_write, k)) == NULL) {
		free(k);
		wfile_abort(wf);
		return -1;
	}
	saved = HPDF_SaveToStream(pdf) == HPDF_OK && sink_flush(k) == 0;
	/* The stream would be freed with the document, after k. */
	HPDF_Stream_Free(pdf->stream);
	pdf->stream = NULL;
	*size = k->bytes;
	if (!saved) {
		/* A full disk is said as such, not as a libharu error. */
		if (k->err != 0) {
			msg(MSG_WRITE, path, 0, 0, strerror(k->err));
			st->err = 0;
		}
		free(k);
		wfile_abort(wf);
		return -1;
	}
	free(k);
	return wfile_commit(wf);
}

int
pdfdev_write(const struct dl *dl, struct fontset *fs,
    const struct pdfmeta *m, const char *path, size_t *size)
{
	struct state	 st = { 0, 0 };
	HPDF_Doc	 pdf;
	HPDF_Font	*fonts;
	HPDF_Page	*pages, inpg = NULL, stpg = NULL;
	struct buf	*content = NULL;
	int		 inpi = 0;
	HPDF_Font	 infont = NULL;
	double		 insize = 0, incs = 0, iny = 0, tx = 0, ty = 0;
	HPDF_Outline	 last[4] = { NULL, NULL, NULL, NULL };
	struct destpos	*dests = NULL;
	size_t		 ndest = 0, nf = fontset_count(fs);
	HPDF_Date	 date;
	struct tm	 tm;
	int		 rc = -1;

	if ((pdf = HPDF_New(on_error, &st)) == NULL)
		mem_fail(0);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);

	/* Fonts that are used, and only those. */
	fonts = xcalloc(nf, sizeof(*fonts));
	for (size_t i = 0; i < nf; i++) {
		struct font *f = fontset_at(fs, i);

		if (f->nused == 0)
			continue;
		if ((fonts[i] = load_font(pdf, f, &st, path)) == NULL)
			goto out;
	}

	pages = xcalloc((size_t)dl->pages, sizeof(*pages));
	/*
	 * Each page's content is written here, in order, as the display
	 * list visits the pages (running heads come last), and given to
	 * libharu deflated at the end: libharu's stream took some 900
	 * instructions for every piece of text written into it.
	 */
	content = xcalloc((size_t)dl->pages + 1, sizeof(*content));
	for (int pg = 0; pg < dl->pages; pg++) {
		pages[pg] = HPDF_AddPage(pdf);
		HPDF_Page_SetWidth(pages[pg], (HPDF_REAL)dl->pw);
		HPDF_Page_SetHeight(pages[pg], (HPDF_REAL)dl->ph);
	}
	for (size_t i = 0; i < dl->n; i++)
		if (dl->v[i].kind == DL_DEST && dl->v[i].s != NULL) {
			dests = xreallocarray(dests, ndest + 1,
			    sizeof(*dests));
			dests[ndest].name = dl->v[i].s;
			dests[ndest].page = dl->v[i].page;
			dests[ndest].y = dl->v[i].y;
			ndest++;
		}
	for (size_t i = 0; i < dl->n && st.err == 0; i++) {
		const struct dlitem	*it = &dl->v[i];
		HPDF_Page		 pg = pages[it->page];
		struct buf		*pb = &content[it->page];
		double			 y = dl->ph - it->y;

		switch (it->kind) {
		case DL_TEXT:
			if (it->font == NULL || fonts[it->font->id] == NULL)
				break;
			/*
			 * One text object for a line, the font and spacing
			 * set only when they change: a justified line is
			 * many pieces.  A new line starts a new object, so
			 * the relative moves never add up rounding errors.
			 */
			if (inpg != pg || iny != y) {
				if (inpg != NULL)
					buf_add(&content[inpi], "ET\n", 3);
				buf_add(pb, "BT\n", 3);
				inpg = pg;
				inpi = it->page;
				iny = y;
				tx = ty = 0;
			}
			/* A page starts with the text state's defaults. */
			if (stpg != pg) {
				stpg = pg;
				infont = NULL;
				incs = 0;
			}
			if (infont != fonts[it->font->id] ||
			    insize != it->size) {
				const char	*name;

				infont = fonts[it->font->id];
				insize = it->size;
				/* The page's resources name the font. */
				if ((name = HPDF_Page_GetLocalFontName(pg,
				    infont)) == NULL)
					break;
				buf_addc(pb, '/');
				buf_adds(pb, name);
				buf_addc(pb, ' ');
				add_num(pb, insize);
				buf_add(pb, " Tf\n", 4);
			}
			if (incs != it->cs) {
				incs = it->cs;
				/* Added to every letter of a line: finer. */
				add_dec(pb, incs, 5);
				buf_add(pb, " Tc\n", 4);
			}
			show(pb, it, it->x - tx, y - ty);
			tx = it->x;
			ty = y;
			break;
		case DL_RECT:
			if (inpg != NULL) {
				buf_add(&content[inpi], "ET\n", 3);
				inpg = NULL;
			}
			rect(pb, it, y);
			break;
		case DL_LINK: {
			HPDF_Rect	 r;
			HPDF_Annotation	 a = NULL;

			r.left = (HPDF_REAL)it->x;
			r.right = (HPDF_REAL)(it->x + it->w);
			r.top = (HPDF_REAL)y;
			r.bottom = (HPDF_REAL)(y - it->h);
			if (it->internal) {
				const struct destpos *d = dest_find(dests,
				    ndest, it->s);

				if (d != NULL)
					a = HPDF_Page_CreateLinkAnnot(pg, r,
					    make_dest(pages, dl, d));
			} else
				a = HPDF_Page_CreateURILinkAnnot(pg, r, it->s);
			if (a != NULL)
				HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
			break;
		}
		case DL_OUTLINE: {
			const struct destpos	*d = dest_find(dests, ndest,
			    it->t);
			HPDF_Outline		 o;
			int			 lv = it->level > 3 ? 3 :
			    it->level;

			o = HPDF_CreateOutline(pdf, lv > 0 ? last[lv - 1] :
			    NULL, it->s, HPDF_GetEncoder(pdf, "UTF-8"));
			if (o == NULL)
				break;
			HPDF_Outline_SetOpened(o, HPDF_FALSE);
			if (d != NULL)
				HPDF_Outline_SetDestination(o,
				    make_dest(pages, dl, d));
			last[lv] = o;
			for (int k = lv + 1; k < 4; k++)
				last[k] = o;
			break;
		}
		case DL_DEST:
			break;
		}
	}
	if (inpg != NULL)
		buf_add(&content[inpi], "ET\n", 3);
	if (st.err == 0)
		deflate_pages(pages, content, dl->pages);
	for (int pg = 0; pg < dl->pages; pg++)
		buf_free(&content[pg]);
	free(content);
	free(pages);
	free(dests);

	HPDF_AddPageLabel(pdf, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, NULL);
	if (dl->front < dl->pages)
		HPDF_AddPageLabel(pdf, (HPDF_UINT)dl->front,
		    HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, m->title);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, m->author);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, m->subject);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "opas");
	HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "opas with libharu");
	if (gmtime_r(&m->date, &tm) != NULL) {
		memset(&date, 0, sizeof(date));
		date.year = tm.tm_year + 1900;
		date.month = tm.tm_mon + 1;
		date.day = tm.tm_mday;
		date.hour = tm.tm_hour;
		date.minutes = tm.tm_min;
		date.seconds = tm.tm_sec;
		date.ind = 'Z';
		HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
		HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
	}
	/* The document ID: the same edition always has the same one. */
	{
		unsigned char	 h[SHA256_LEN];
		HPDF_Array	 id = HPDF_Array_New(pdf->mmgr);

		sha256(m->idname, strlen(m->idname), h);
		HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, h, 16));
		HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, h, 16));
		HPDF_Dict_Add(pdf->trailer, "ID", id);
	}
	/* The document's language: libharu has no call for it. */
	HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr,
	    m->lang, NULL));

	if (st.err == 0)
		rc = save(pdf, path, &st, size);
	if (st.err != 0)
		harufail(path, &st);
out:
	free(fonts);
	HPDF_Free(pdf);
	return rc;
}
