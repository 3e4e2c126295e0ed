/*
 * buf.h: a growable byte buffer.  Every module may use it.
 *
 * A buffer is always NUL-terminated after its len bytes.  The buffer
 * owns data until buf_detach() hands it to the caller; buf_free()
 * releases it.  A zeroed struct buf is a valid empty buffer.
 */
#ifndef OPAS_BUF_H
#define OPAS_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct	buf {
	char	*data;	/* the bytes, NUL-terminated (NULL when empty) */
	size_t	 len;	/* bytes in use, not counting the NUL */
	size_t	 cap;	/* bytes allocated */
};

void	 buf_add(struct buf *, const void *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc_grow(struct buf *, int);
/*
 * The character at *s, before end, as RFC 3629 has UTF-8 (no overlong
 * forms, no surrogates), moving *s past it; -1 if the bytes there are
 * not one.
 */
long	 utf8_get(const unsigned char **, const unsigned char *);
/* One Unicode character as UTF-8. */
void	 buf_add_utf8(struct buf *, uint32_t);
void	 buf_addf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vaddf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
/* Text escaped for XML content, and for attributes when quot is set. */
void	 buf_add_xml(struct buf *, const char *, int quot);
/* A JSON string, quoted. */
void	 buf_add_json(struct buf *, const char *);
const char *buf_str(const struct buf *);
void	 buf_reset(struct buf *);
char	*buf_detach(struct buf *);
void	 buf_free(struct buf *);

/* One byte: inline, as the serializers add most of their output so. */
static inline void
buf_addc(struct buf *b, int c)
{
	if (b->cap - b->len >= 2) {
		b->data[b->len++] = (char)c;
		b->data[b->len] = '\0';
	} else
		buf_addc_grow(b, c);
}

#endif
