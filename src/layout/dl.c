/*
 * dl.c: the display list and the text device (see dl.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"
#include "layout/dl.h"

struct dlitem *
dl_add(struct dl *d, enum dlkind k, int page)
{
	return dl_insert(d, d->n, k, page);
}

struct dlitem *
dl_insert(struct dl *d, size_t at, enum dlkind k, int page)
{
	if (d->n == d->cap) {
		d->cap = d->cap == 0 ? 256 : d->cap * 2;
		d->v = xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	if (at > d->n)
		at = d->n;
	memmove(&d->v[at + 1], &d->v[at], (d->n - at) * sizeof(*d->v));
	d->n++;
	memset(&d->v[at], 0, sizeof(d->v[at]));
	d->v[at].kind = k;
	d->v[at].page = page;
	if (page + 1 > d->pages)
		d->pages = page + 1;
	return &d->v[at];
}

void
dl_free(struct dl *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].cp);
		free(d->v[i].s);
		free(d->v[i].t);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/*
 * Lines are the text pieces with the same baseline, left to right as
 * they are drawn (so right-to-left text shows in visual order, shaped),
 * pieces apart by more than a space joined with " | ".  A Private Use
 * Area code point (a Thai glyph variant) is written <U+F70A>.
 */
void
dl_text(const struct dl *d, struct buf *b)
{
	for (int pg = 0; pg < d->pages; pg++) {
		const struct dlitem	**v = NULL;
		size_t			  n = 0;

		buf_addf(b, "=== page %d ===\n", pg + 1);
		for (size_t i = 0; i < d->n; i++)
			if (d->v[i].page == pg && d->v[i].kind == DL_TEXT) {
				v = xreallocarray(v, n + 1, sizeof(*v));
				v[n++] = &d->v[i];
			}
		/* Stable sort by baseline, then x. */
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && (v[j - 1]->y > v[j]->y +
			    0.01 || (v[j - 1]->y > v[j]->y - 0.01 &&
			    v[j - 1]->x > v[j]->x)); j--) {
				const struct dlitem *t = v[j];

				v[j] = v[j - 1];
				v[j - 1] = t;
			}
		for (size_t i = 0; i < n; i++) {
			int	 newline = i == 0 || v[i]->y > v[i - 1]->y + 0.01;

			if (newline && i > 0)
				buf_addc(b, '\n');
			else if (!newline && v[i]->x > v[i - 1]->x +
			    v[i - 1]->w + v[i]->size * 0.6)
				buf_adds(b, " | ");
			for (size_t k = 0; k < v[i]->n; k++)
				if (v[i]->cp[k] >= 0xe000 &&
				    v[i]->cp[k] <= 0xf8ff)
					buf_addf(b, "<U+%04X>", v[i]->cp[k]);
				else
					buf_add_utf8(b, v[i]->cp[k]);
		}
		if (n > 0)
			buf_addc(b, '\n');
		free(v);
	}
}
