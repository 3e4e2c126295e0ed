/*
 * line.h: a paragraph broken into lines.  The only file that includes
 * FriBidi, libunibreak and libthai.
 *
 * The text is UTF-8 spans, each with a font style and a link.  Line
 * breaks come from UAX #14 (libunibreak) with Thai word breaks
 * (libthai), hyphenation (hyph.h) when a word does not fit, and a
 * break inside the word as the last resort.  Bidi reordering and
 * Arabic joining (presentation forms) are FriBidi's; Thai is drawn cell
 * by cell in the Windows glyph variants (libthai) that place its marks
 * in the fonts that have them, as nothing here applies OpenType.  A
 * line is pieces in visual order, each a run of characters in one font
 * placed at its own x: justified lines get their extra space between
 * pieces (never PDF word spacing), or between characters where there
 * are no spaces.
 */
#ifndef OPAS_LINE_H
#define OPAS_LINE_H

#include <stddef.h>
#include <stdint.h>

#include "layout/font.h"

struct hyph;
struct lang;

struct	span {
	const char	*text;		/* UTF-8 */
	enum fstyle	 style;
	int		 link;		/* index of the caller's links, or -1 */
	const char	*file;		/* where it came from, for warnings */
	int		 line;
};

struct	piece {
	struct font	*font;
	double		 x;		/* from the line's left edge */
	double		 w;
	double		 cs;		/* extra after each character */
	uint32_t	*cp;
	size_t		 n, cap;
	int		 link;
};

struct	line {
	struct piece	*p;
	size_t		 np, capp;
	double		 w;		/* natural width */
};

enum	align {
	AL_START,
	AL_JUSTIFY,
	AL_CENTER,
	AL_END
};

struct	parastyle {
	struct fontset		*fonts;
	const struct lang	*lang;		/* line breaking, script */
	struct hyph		*hyph;		/* NULL: none */
	double			 size;		/* points */
	double			 width;
	enum align		 align;
	int			 rtl;		/* base direction */
	int			 keep_spaces;	/* verbatim: no collapsing */
};

struct	para {
	struct line	*v;
	size_t		 n, cap;
};

void	line_init(void);
/* Break spans into lines; the caller frees with para_free(). */
void	para_layout(const struct span *, size_t, const struct parastyle *,
	    struct para *);
void	para_free(struct para *);
/* Its first strong letter: 1 right to left, 0 left to right, -1 none. */
int	text_first_strong(const char *);

#endif
