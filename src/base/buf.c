/*
 * buf.c: growable byte buffer (see buf.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"

static void
buf_grow(struct buf *b, size_t more)
{
	size_t	 need;

	need = b->len + more + 1;
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->data = xrealloc(b->data, b->cap);
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc_grow(struct buf *b, int c)
{
	char	 ch = (char)c;

	buf_add(b, &ch, 1);
}

void
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

const char *
buf_str(const struct buf *b)
{
	return b->data == NULL ? "" : b->data;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

char *
buf_detach(struct buf *b)
{
	char	*p;

	p = b->data == NULL ? xstrdup("") : b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

long
utf8_get(const unsigned char **sp, const unsigned char *end)
{
	const unsigned char	*s = *sp;
	size_t			 len;
	long			 cp, min;

	if (s >= end)
		return -1;
	if (*s < 0x80) {
		*sp = s + 1;
		return *s;
	}
	if (*s >= 0xc2 && *s <= 0xdf) {
		len = 2;
		cp = *s & 0x1f;
		min = 0x80;
	} else if (*s >= 0xe0 && *s <= 0xef) {
		len = 3;
		cp = *s & 0x0f;
		min = 0x800;
	} else if (*s >= 0xf0 && *s <= 0xf4) {
		len = 4;
		cp = *s & 0x07;
		min = 0x10000;
	} else
		return -1;
	if ((size_t)(end - s) < len)
		return -1;
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (s[k] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	*sp = s + len;
	return cp;
}

void
buf_add_utf8(struct buf *b, uint32_t c)
{
	char	 s[4];

	if (c < 0x80)
		buf_addc(b, (int)c);
	else if (c < 0x800) {
		s[0] = (char)(0xc0 | c >> 6);
		s[1] = (char)(0x80 | (c & 0x3f));
		buf_add(b, s, 2);
	} else if (c < 0x10000) {
		s[0] = (char)(0xe0 | c >> 12);
		s[1] = (char)(0x80 | (c >> 6 & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		buf_add(b, s, 3);
	} else {
		s[0] = (char)(0xf0 | c >> 18);
		s[1] = (char)(0x80 | (c >> 12 & 0x3f));
		s[2] = (char)(0x80 | (c >> 6 & 0x3f));
		s[3] = (char)(0x80 | (c & 0x3f));
		buf_add(b, s, 4);
	}
}

void
buf_add_xml(struct buf *b, const char *s, int quot)
{
	for (; *s != '\0'; s++) {
		size_t	 n = strcspn(s, "&<>\"");

		if (n > 0) {
			buf_add(b, s, n);
			if (*(s += n) == '\0')
				break;
		}
		switch (*s) {
		case '&':
			buf_adds(b, "&amp;");
			break;
		case '<':
			buf_adds(b, "&lt;");
			break;
		case '>':
			buf_adds(b, "&gt;");
			break;
		case '"':
			buf_adds(b, quot ? "&quot;" : "\"");
			break;
		}
	}
}

void
buf_add_json(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			buf_addf(b, "\\%c", c);
		else if (c < 0x20)
			buf_addf(b, "\\u%04x", c);
		else
			buf_addc(b, c);
	}
	buf_addc(b, '"');
}
