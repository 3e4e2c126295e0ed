/*
 * font.h: the fonts of the PDF editions.  font.c is the only file that
 * reads font files (through HarfBuzz): coverage, advance widths, and
 * the subset of each font that a document uses.
 *
 * A language's fonts come from its entry in the language table
 * ("naskh,dejavu"): a character is set in the first font of the chain
 * that has it, in the style asked for (regular, bold, mono).  Only
 * TrueType (glyf) fonts are listed: libharu cannot embed CFF.
 */
#ifndef OPAS_FONT_H
#define OPAS_FONT_H

#include <stddef.h>
#include <stdint.h>

enum	fstyle {
	FS_REGULAR,
	FS_BOLD,
	FS_MONO,
	FS_NSTYLES
};

struct	font {
	int		 id;		/* index in its fontset, from 0 */
	const char	*family;	/* "dejavu", ... */
	enum fstyle	 style;
	char		*path;		/* the font file */
	unsigned	 index;		/* face in a collection */
	void		*face;		/* hb_face_t */
	void		*hbfont;	/* hb_font_t */
	double		 upem;
	void		*used;		/* hb_set_t of the characters set */
	const uint32_t	*only;		/* the ranges it sets; NULL: its cmap */
	size_t		 nused;
	double		*adv[256];	/* advances of the BMP, 256 a page */
};

struct fontset;

/*
 * The fonts of a chain such as "naskh,dejavu", with DejaVu added last
 * as the fallback; NULL after reporting a font that is not installed.
 */
struct fontset	*fontset_new(const char *chain);
void		 fontset_free(struct fontset *);
/* The font for a character in a style, or NULL if no font has it. */
struct font	*fontset_pick(struct fontset *, enum fstyle, uint32_t);
/* The last font of a style's chain (DejaVu), or NULL. */
struct font	*fontset_fallback(struct fontset *, enum fstyle);
/* Whether a font has a character (and sets it: see "only"). */
int		 font_has(struct font *, uint32_t);
/* Advance width in ems. */
double		 font_advance(struct font *, uint32_t);
void		 font_use(struct font *, uint32_t);
/*
 * The characters set in a font, in increasing order: start with *cp
 * set to FONT_NONE; each call moves *cp to the next one and returns 1,
 * or returns 0 after the last.
 */
#define	FONT_NONE	UINT32_MAX
int		 font_next_used(const struct font *, uint32_t *);
size_t		 fontset_count(const struct fontset *);
struct font	*fontset_at(struct fontset *, size_t);
/*
 * The subset of a font with only the characters used, as TrueType
 * bytes (malloc'd) and their length; -1 after reporting.
 */
int		 font_subset(struct font *, char **, size_t *);

#endif
