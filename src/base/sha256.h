/*
 * sha256.h: SHA-256 (libsodium).  Every module may use it.
 */
#ifndef OPAS_SHA256_H
#define OPAS_SHA256_H

#include <stddef.h>

#define SHA256_LEN	32

void	sha256(const void *, size_t, unsigned char out[SHA256_LEN]);
/* Lowercase hex, NUL-terminated: out must hold 2 * SHA256_LEN + 1. */
void	sha256_hex(const void *, size_t, char *out);
/*
 * A name-based UUID (RFC 9562 version 8, from the name's SHA-256) as
 * "urn:uuid:...": the same name always gives the same identifier.
 * out must hold 46 bytes.
 */
void	sha256_uuid(const char *name, char *out);

#endif
