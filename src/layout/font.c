/*
 * font.c: font files through HarfBuzz (see font.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hb.h>
#include <hb-subset.h>

#include "base/mem.h"
#include "base/msg.h"
#include "layout/font.h"

/* Where Debian puts them; OPAS_FONTDIR replaces the directory. */
#define FONTDIR		"/usr/share/fonts/truetype"

struct	family {
	const char	*name;
	const char	*file[FS_NSTYLES];	/* under FONTDIR */
	unsigned	 index;
	const char	*package;
	const uint32_t	*only;		/* ranges lo, hi, ..., 0; NULL: all */
};

/*
 * The Thai block, the dotted circle under a mark with no letter, and
 * the Microsoft/WTT glyph variants (lowered and left-shifted marks,
 * letters without their descender) at U+F700-U+F71A that line.c draws
 * Thai with.  Only these come from the Thai font: Waree's Latin
 * letters, digits and punctuation stay DejaVu's.
 */
static const uint32_t thai_only[] = {
	0x0e01, 0x0e7f, 0x25cc, 0x25cc, 0xf700, 0xf71a, 0
};

static const struct family families[] = {
	{ "dejavu", { "dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf",
	    "dejavu/DejaVuSansMono.ttf" }, 0, "fonts-dejavu-core", NULL },
	{ "naskh", { "noto/NotoNaskhArabic-Regular.ttf",
	    "noto/NotoNaskhArabic-Bold.ttf", NULL }, 0, "fonts-noto-core",
	    NULL },
	{ "wqy", { "wqy/wqy-zenhei.ttc", "wqy/wqy-zenhei.ttc", NULL }, 0,
	    "fonts-wqy-zenhei", NULL },
	/*
	 * TLWG Waree: its Thai is drawn to go with DejaVu Sans, and it has
	 * the PUA glyph variants that place Thai marks without a shaper.
	 */
	{ "thai", { "tlwg/Waree.ttf", "tlwg/Waree-Bold.ttf", NULL }, 0,
	    "fonts-tlwg-waree-ttf", thai_only },
};

struct	fontset {
	struct font	*v[32];
	size_t		 n;
	/* Per style, the chain of fonts to try, in order. */
	struct font	*chain[FS_NSTYLES][8];
	size_t		 nchain[FS_NSTYLES];
	/*
	 * Per style, the font picked for each BMP character, 256 a page:
	 * 0 not looked up yet, PICK_NONE no font, else its index + 1.
	 */
	unsigned char	*pick[FS_NSTYLES][256];
};

#define PICK_NONE	255

static const struct family *
family_find(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		if (strlen(families[i].name) == len &&
		    strncmp(families[i].name, name, len) == 0)
			return &families[i];
	return NULL;
}

/* The font of a file, loaded once per set. */
static struct font *
load(struct fontset *fs, const struct family *fam, enum fstyle st,
    const char *file)
{
	const char	*dir = getenv("OPAS_FONTDIR");
	hb_blob_t	*blob;
	struct font	*f;
	char		*path;

	if (dir == NULL || *dir == '\0')
		dir = FONTDIR;
	path = xasprintf("%s/%s", dir, file);
	for (size_t i = 0; i < fs->n; i++)
		if (strcmp(fs->v[i]->path, path) == 0 &&
		    fs->v[i]->index == fam->index) {
			free(path);
			return fs->v[i];
		}
	if (access(path, R_OK) == -1 ||
	    (blob = hb_blob_create_from_file_or_fail(path)) == NULL) {
		msg(MSG_FONT_MISSING, path, 0, 0, fam->package);
		free(path);
		return NULL;
	}
	if (fs->n == sizeof(fs->v) / sizeof(fs->v[0]))
		mem_fail(0);
	f = xcalloc(1, sizeof(*f));
	f->id = (int)fs->n;
	f->family = fam->name;
	f->style = st;
	f->path = path;
	f->index = fam->index;
	f->face = hb_face_create(blob, fam->index);
	hb_blob_destroy(blob);
	f->hbfont = hb_font_create(f->face);
	f->upem = hb_face_get_upem(f->face);
	if (f->upem <= 0)
		f->upem = 1000;
	f->used = hb_set_create();
	f->only = fam->only;
	fs->v[fs->n++] = f;
	return f;
}

struct fontset *
fontset_new(const char *chain)
{
	struct fontset	*fs = xcalloc(1, sizeof(*fs));
	char		*all;
	const char	*p;

	/* DejaVu is always the last resort. */
	all = xasprintf("%s,dejavu", chain);
	for (p = all; *p != '\0'; ) {
		size_t			 len = strcspn(p, ",");
		const struct family	*fam = family_find(p, len);

		if (fam != NULL)
			for (int st = 0; st < FS_NSTYLES; st++) {
				struct font	*f;

				if (fam->file[st] == NULL)
					continue;
				if ((f = load(fs, fam, st, fam->file[st])) ==
				    NULL) {
					free(all);
					fontset_free(fs);
					return NULL;
				}
				if (fs->nchain[st] < 8)
					fs->chain[st][fs->nchain[st]++] = f;
			}
		p += len;
		if (*p == ',')
			p++;
	}
	free(all);
	return fs;
}

void
fontset_free(struct fontset *fs)
{
	if (fs == NULL)
		return;
	for (int st = 0; st < FS_NSTYLES; st++)
		for (size_t i = 0; i < 256; i++)
			free(fs->pick[st][i]);
	for (size_t i = 0; i < fs->n; i++) {
		for (size_t j = 0; j < 256; j++)
			free(fs->v[i]->adv[j]);
		hb_font_destroy(fs->v[i]->hbfont);
		hb_face_destroy(fs->v[i]->face);
		hb_set_destroy(fs->v[i]->used);
		free(fs->v[i]->path);
		free(fs->v[i]);
	}
	free(fs);
}

int
font_has(struct font *f, uint32_t cp)
{
	hb_codepoint_t	 g;

	if (f->only != NULL) {
		const uint32_t	*r;

		for (r = f->only; r[0] != 0; r += 2)
			if (cp >= r[0] && cp <= r[1])
				break;
		if (r[0] == 0)
			return 0;
	}
	return hb_font_get_nominal_glyph(f->hbfont, cp, &g) && g != 0;
}

static struct font *
pick(struct fontset *fs, enum fstyle st, uint32_t cp)
{
	for (size_t i = 0; i < fs->nchain[st]; i++)
		if (font_has(fs->chain[st][i], cp))
			return fs->chain[st][i];
	/* A style the script lacks (mono Arabic): any style that has it. */
	for (int s = 0; s < FS_NSTYLES; s++)
		for (size_t i = 0; i < fs->nchain[s]; i++)
			if (font_has(fs->chain[s][i], cp))
				return fs->chain[s][i];
	return NULL;
}

struct font *
fontset_pick(struct fontset *fs, enum fstyle st, uint32_t cp)
{
	unsigned char	**page, *v;
	struct font	 *f;

	if (cp > 0xffff || st < 0 || st >= FS_NSTYLES)
		return pick(fs, st, cp);
	page = &fs->pick[st][cp >> 8];
	if (*page == NULL)
		*page = xcalloc(256, 1);
	v = &(*page)[cp & 0xff];
	if (*v == 0) {
		f = pick(fs, st, cp);
		*v = f == NULL ? PICK_NONE : (unsigned char)(f->id + 1);
	}
	return *v == PICK_NONE ? NULL : fs->v[*v - 1];
}

struct font *
fontset_fallback(struct fontset *fs, enum fstyle st)
{
	return fs->nchain[st] > 0 ? fs->chain[st][fs->nchain[st] - 1] : NULL;
}

static double
advance(struct font *f, uint32_t cp)
{
	hb_codepoint_t	 g;

	if (!hb_font_get_nominal_glyph(f->hbfont, cp, &g))
		return 0;
	/* In whole thousandths, as the PDF /W array will say. */
	return (double)(long)(hb_font_get_glyph_h_advance(f->hbfont, g) *
	    1000.0 / f->upem) / 1000.0;
}

/* Advances of BMP characters are looked up once: -1 is not yet. */
double
font_advance(struct font *f, uint32_t cp)
{
	double	**page, *v;

	if (cp > 0xffff)
		return advance(f, cp);
	page = &f->adv[cp >> 8];
	if (*page == NULL) {
		*page = xreallocarray(NULL, 256, sizeof(**page));
		for (size_t i = 0; i < 256; i++)
			(*page)[i] = -1;
	}
	v = &(*page)[cp & 0xff];
	if (*v < 0)
		*v = advance(f, cp);
	return *v;
}

void
font_use(struct font *f, uint32_t cp)
{
	if (!hb_set_has(f->used, cp)) {
		hb_set_add(f->used, cp);
		f->nused++;
	}
}

int
font_next_used(const struct font *f, uint32_t *cp)
{
	hb_codepoint_t	 c = *cp == FONT_NONE ? HB_SET_VALUE_INVALID : *cp;

	if (!hb_set_next(f->used, &c))
		return 0;
	*cp = c;
	return 1;
}

size_t
fontset_count(const struct fontset *fs)
{
	return fs->n;
}

struct font *
fontset_at(struct fontset *fs, size_t i)
{
	return fs->v[i];
}

int
font_subset(struct font *f, char **out, size_t *len)
{
	static const hb_tag_t drop[] = {
		HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
		HB_TAG('G', 'D', 'E', 'F'), HB_TAG('k', 'e', 'r', 'n'),
		HB_TAG('M', 'A', 'T', 'H'), HB_TAG('B', 'D', 'F', ' '),
		HB_TAG('F', 'F', 'T', 'M'), HB_TAG('D', 'S', 'I', 'G'),
		HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'),
		HB_TAG('g', 'a', 's', 'p')
	};
	hb_subset_input_t	*in;
	hb_face_t		*sub;
	hb_blob_t		*blob;
	const char		*data;
	unsigned		 n;

	if ((in = hb_subset_input_create_or_fail()) == NULL)
		mem_fail(0);
	hb_set_union(hb_subset_input_unicode_set(in), f->used);
	for (size_t i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		hb_set_add(hb_subset_input_set(in,
		    HB_SUBSET_SETS_DROP_TABLE_TAG), drop[i]);
	sub = hb_subset_or_fail(f->face, in);
	hb_subset_input_destroy(in);
	if (sub == NULL) {
		msg(MSG_FONT_SUBSET, f->path, 0, 0);
		return -1;
	}
	blob = hb_face_reference_blob(sub);
	data = hb_blob_get_data(blob, &n);
	*out = xmalloc(n > 0 ? n : 1);
	memcpy(*out, data, n);
	*len = n;
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	return 0;
}
