/*
 * sha256.c: SHA-256 through libsodium (see sha256.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "base/sha256.h"

void
sha256(const void *data, size_t len, unsigned char out[SHA256_LEN])
{
	crypto_hash_sha256(out, data, len);
}

void
sha256_hex(const void *data, size_t len, char *out)
{
	unsigned char	 h[SHA256_LEN];

	sha256(data, len, h);
	for (size_t i = 0; i < SHA256_LEN; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
}

void
sha256_uuid(const char *name, char *out)
{
	unsigned char	 h[SHA256_LEN];

	sha256(name, strlen(name), h);
	h[6] = (h[6] & 0x0f) | 0x80;	/* version 8 */
	h[8] = (h[8] & 0x3f) | 0x80;	/* variant 10 */
	snprintf(out, 46, "urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x-%02x%02x%02x%02x%02x%02x", h[0], h[1], h[2], h[3],
	    h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11], h[12], h[13],
	    h[14], h[15]);
}
