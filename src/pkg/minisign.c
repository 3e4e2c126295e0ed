/*
 * minisign.c: minisign-compatible keys and signatures (see minisign.h).
 *
 * The formats, as minisign 0.11 reads and writes them:
 *
 *   public key   "untrusted comment: ...\n" base64("Ed" keynum pk) "\n"
 *   secret key   "untrusted comment: ...\n" base64("Ed" kdf "B2"
 *                salt[32] opslimit[8] memlimit[8] keynum sk[64] chk[32])
 *                where kdf is "Sc" (scrypt-encrypted) or two zero bytes
 *                (no password), and chk is BLAKE2b-256 of "Ed" keynum sk
 *   signature    "untrusted comment: ...\n" base64("ED" keynum sig) "\n"
 *                "trusted comment: TEXT\n" base64(global) "\n"
 *                where sig signs BLAKE2b-512 of the file and global
 *                signs sig followed by TEXT.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "base/buf.h"
#include "base/data.h"
#include "base/mem.h"
#include "base/msg.h"
#include "pkg/minisign.h"

#define UNTRUSTED	"untrusted comment: "
#define TRUSTED		"trusted comment: "
#define SECKEY_LEN	(2 + 2 + 2 + 32 + 8 + 8 + MS_KEYNUM + MS_SK + 32)
#define PUBKEY_LEN	(2 + MS_KEYNUM + MS_PK)
#define SIG_LEN		(2 + MS_KEYNUM + crypto_sign_BYTES)

static int
ms_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

void
ms_keyid(const unsigned char *keynum, char out[2 * MS_KEYNUM + 1])
{
	/* minisign prints the key number as a little-endian integer. */
	for (int i = 0; i < MS_KEYNUM; i++)
		snprintf(out + 2 * i, 3, "%02X", keynum[MS_KEYNUM - 1 - i]);
}

static char *
b64(const unsigned char *bin, size_t len)
{
	size_t	 n = sodium_base64_ENCODED_LEN(len,
	    sodium_base64_VARIANT_ORIGINAL);
	char	*s = xmalloc(n);

	sodium_bin2base64(s, n, bin, len, sodium_base64_VARIANT_ORIGINAL);
	return s;
}

/* Decode one base64 line of exactly want bytes; -1 if it is not one. */
static int
unb64(const char *s, size_t slen, unsigned char *bin, size_t want)
{
	size_t	 got;

	if (sodium_base642bin(bin, want, s, slen, NULL, &got, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0 || got != want)
		return -1;
	return 0;
}

/* The next line of text (without its newline); NULL at the end. */
static const char *
next_line(const char **p, const char *end, size_t *len)
{
	const char	*s = *p, *nl;

	if (s >= end)
		return NULL;
	nl = memchr(s, '\n', (size_t)(end - s));
	*len = (size_t)((nl == NULL ? end : nl) - s);
	*p = nl == NULL ? end : nl + 1;
	if (*len > 0 && s[*len - 1] == '\r')
		(*len)--;
	return s;
}

static void
seckey_chk(const unsigned char *keynum, const unsigned char *sk,
    unsigned char chk[32])
{
	crypto_generichash_state	 hs;

	crypto_generichash_init(&hs, NULL, 0, 32);
	crypto_generichash_update(&hs, (const unsigned char *)"Ed", 2);
	crypto_generichash_update(&hs, keynum, MS_KEYNUM);
	crypto_generichash_update(&hs, sk, MS_SK);
	crypto_generichash_final(&hs, chk, 32);
}

char *
ms_pub_text(const struct mspub *pub)
{
	unsigned char	 bin[PUBKEY_LEN];
	char		 id[2 * MS_KEYNUM + 1], *s, *t;

	memcpy(bin, "Ed", 2);
	memcpy(bin + 2, pub->keynum, MS_KEYNUM);
	memcpy(bin + 2 + MS_KEYNUM, pub->pk, MS_PK);
	ms_keyid(pub->keynum, id);
	s = b64(bin, sizeof(bin));
	t = xasprintf(UNTRUSTED "minisign public key %s\n%s\n", id, s);
	free(s);
	return t;
}

void
ms_pubkey(const struct mskey *k, struct mspub *pub)
{
	memcpy(pub->keynum, k->keynum, MS_KEYNUM);
	/* An Ed25519 secret key in libsodium ends with its public key. */
	memcpy(pub->pk, k->sk + MS_SK - MS_PK, MS_PK);
}

/* Write a file that must not exist yet, with the given mode. */
static int
write_new(const char *path, const char *text, mode_t mode)
{
	size_t	 len = strlen(text);
	int	 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)) == -1) {
		if (errno == EEXIST)
			msg(MSG_KEY_EXISTS, path, 0, 0);
		else
			msg(MSG_WRITE, path, 0, 0, strerror(errno));
		return -1;
	}
	if (write(fd, text, len) != (ssize_t)len || fsync(fd) == -1) {
		msg(MSG_WRITE, path, 0, 0, strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	if (close(fd) == -1) {
		msg(MSG_WRITE, path, 0, 0, strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

int
ms_keygen(const char *secpath, const char *pubpath, const char *comment)
{
	unsigned char	 bin[SECKEY_LEN], *keynum, *sk, pk[MS_PK];
	struct mspub	 pub;
	char		*s, *text, *ptext;
	int		 rc = -1;

	if (ms_init() == -1) {
		msg(MSG_KEY, secpath, 0, 0, "libsodium cannot start");
		return -1;
	}
	if (access(secpath, F_OK) == 0) {
		msg(MSG_KEY_EXISTS, secpath, 0, 0);
		return -1;
	}
	if (access(pubpath, F_OK) == 0) {
		msg(MSG_KEY_EXISTS, pubpath, 0, 0);
		return -1;
	}
	memset(bin, 0, sizeof(bin));
	memcpy(bin, "Ed", 2);		/* kdf: two zero bytes, no password */
	memcpy(bin + 4, "B2", 2);
	keynum = bin + 2 + 2 + 2 + 32 + 8 + 8;
	sk = keynum + MS_KEYNUM;
	randombytes_buf(keynum, MS_KEYNUM);
	crypto_sign_keypair(pk, sk);
	seckey_chk(keynum, sk, sk + MS_SK);
	memcpy(pub.keynum, keynum, MS_KEYNUM);
	memcpy(pub.pk, pk, MS_PK);
	s = b64(bin, sizeof(bin));
	text = xasprintf(UNTRUSTED "%s\n%s\n", comment, s);
	sodium_memzero(s, strlen(s));
	sodium_memzero(bin, sizeof(bin));
	free(s);
	ptext = ms_pub_text(&pub);
	if (write_new(secpath, text, 0600) == 0) {
		if (write_new(pubpath, ptext, 0644) == 0)
			rc = 0;
		else
			unlink(secpath);
	}
	sodium_memzero(text, strlen(text));
	free(text);
	free(ptext);
	return rc;
}

struct mskey *
ms_seckey_read(const char *path)
{
	struct buf	 b = { 0 };
	unsigned char	 bin[SECKEY_LEN], chk[32], pk[MS_PK], sk[MS_SK];
	const char	*p, *end, *line;
	struct mskey	*k = NULL;
	size_t		 len;
	const unsigned char *keynum;

	if (ms_init() == -1) {
		msg(MSG_KEY, path, 0, 0, "libsodium cannot start");
		return NULL;
	}
	if (file_read(path, &b) == -1) {
		msg(MSG_OPEN, path, 0, 0, strerror(errno));
		return NULL;
	}
	p = b.data;
	end = b.data + b.len;
	if ((line = next_line(&p, end, &len)) == NULL ||
	    len < strlen(UNTRUSTED) ||
	    strncmp(line, UNTRUSTED, strlen(UNTRUSTED)) != 0) {
		msg(MSG_KEY, path, 1, 0,
		    "the first line is not \"untrusted comment: ...\"");
		goto out;
	}
	k = xcalloc(1, sizeof(*k));
	k->comment = xstrndup(line + strlen(UNTRUSTED),
	    len - strlen(UNTRUSTED));
	if ((line = next_line(&p, end, &len)) == NULL ||
	    unb64(line, len, bin, sizeof(bin)) == -1 ||
	    memcmp(bin, "Ed", 2) != 0 || memcmp(bin + 4, "B2", 2) != 0) {
		msg(MSG_KEY, path, 2, 0,
		    "the second line is not a minisign secret key");
		goto bad;
	}
	if (bin[2] != 0 || bin[3] != 0) {
		msg(MSG_KEY_ENCRYPTED, path, 0, 0);
		goto bad;
	}
	keynum = bin + 2 + 2 + 2 + 32 + 8 + 8;
	memcpy(k->keynum, keynum, MS_KEYNUM);
	memcpy(k->sk, keynum + MS_KEYNUM, MS_SK);
	/*
	 * minisign -W leaves the checksum of a key without a password
	 * zero; the key's own halves must agree in any case (the public
	 * key that follows the seed is the seed's).
	 */
	seckey_chk(k->keynum, k->sk, chk);
	crypto_sign_seed_keypair(pk, sk, k->sk);
	if ((!sodium_is_zero(keynum + MS_KEYNUM + MS_SK, 32) &&
	    sodium_memcmp(chk, keynum + MS_KEYNUM + MS_SK, 32) != 0) ||
	    sodium_memcmp(pk, k->sk + MS_SK - MS_PK, MS_PK) != 0) {
		msg(MSG_KEY, path, 2, 0, "its checksum is wrong; the file "
		    "is damaged");
		goto bad;
	}
	goto out;
bad:
	ms_seckey_free(k);
	k = NULL;
out:
	sodium_memzero(bin, sizeof(bin));
	sodium_memzero(sk, sizeof(sk));
	if (b.data != NULL)
		sodium_memzero(b.data, b.len);
	buf_free(&b);
	return k;
}

void
ms_seckey_free(struct mskey *k)
{
	if (k == NULL)
		return;
	free(k->comment);
	sodium_memzero(k, sizeof(*k));
	free(k);
}

const char *
ms_pub_parse(const char *text, size_t len, struct mspub *pub)
{
	unsigned char	 bin[PUBKEY_LEN];
	const char	*p = text, *end = text + len, *line;
	size_t		 n;

	if (ms_init() == -1)
		return "libsodium cannot start";
	if ((line = next_line(&p, end, &n)) == NULL)
		return "the public key file is empty";
	if (n >= strlen(UNTRUSTED) &&
	    strncmp(line, UNTRUSTED, strlen(UNTRUSTED)) == 0 &&
	    (line = next_line(&p, end, &n)) == NULL)
		return "the public key line is missing";
	if (unb64(line, n, bin, sizeof(bin)) == -1 ||
	    memcmp(bin, "Ed", 2) != 0)
		return "not a minisign public key";
	memcpy(pub->keynum, bin + 2, MS_KEYNUM);
	memcpy(pub->pk, bin + 2 + MS_KEYNUM, MS_PK);
	return NULL;
}

char *
ms_sign(const struct mskey *k, const void *data, size_t len,
    const char *trusted)
{
	unsigned char	 hash[crypto_generichash_BYTES_MAX];
	unsigned char	 sig[SIG_LEN], global[crypto_sign_BYTES];
	struct buf	 m = { 0 };
	char		*s1, *s2, *text;

	crypto_generichash(hash, sizeof(hash), data, len, NULL, 0);
	memcpy(sig, "ED", 2);
	memcpy(sig + 2, k->keynum, MS_KEYNUM);
	crypto_sign_detached(sig + 2 + MS_KEYNUM, NULL, hash, sizeof(hash),
	    k->sk);
	buf_add(&m, sig + 2 + MS_KEYNUM, crypto_sign_BYTES);
	buf_adds(&m, trusted);
	crypto_sign_detached(global, NULL, (const unsigned char *)m.data,
	    m.len, k->sk);
	s1 = b64(sig, sizeof(sig));
	s2 = b64(global, sizeof(global));
	text = xasprintf(UNTRUSTED "signature from minisign secret key\n"
	    "%s\n" TRUSTED "%s\n%s\n", s1, trusted, s2);
	free(s1);
	free(s2);
	buf_free(&m);
	return text;
}

const char *
ms_verify(const struct mspub *pub, const void *data, size_t len,
    const char *text, size_t textlen, char **trusted)
{
	unsigned char	 sig[SIG_LEN], global[crypto_sign_BYTES];
	unsigned char	 hash[crypto_generichash_BYTES_MAX];
	const char	*p = text, *end = text + textlen, *line, *tc;
	struct buf	 m = { 0 };
	const char	*why = NULL;
	size_t		 n, tclen;
	int		 hashed;

	if (trusted != NULL)
		*trusted = NULL;
	if (ms_init() == -1)
		return "libsodium cannot start";
	if ((line = next_line(&p, end, &n)) == NULL ||
	    n < strlen(UNTRUSTED) ||
	    strncmp(line, UNTRUSTED, strlen(UNTRUSTED)) != 0 ||
	    (line = next_line(&p, end, &n)) == NULL ||
	    unb64(line, n, sig, sizeof(sig)) == -1)
		return "not a minisign signature file";
	if (memcmp(sig, "ED", 2) == 0)
		hashed = 1;
	else if (memcmp(sig, "Ed", 2) == 0)
		hashed = 0;
	else
		return "an unknown signature algorithm";
	if (memcmp(sig + 2, pub->keynum, MS_KEYNUM) != 0)
		return "it was made with another key (the key ids differ)";
	if ((tc = next_line(&p, end, &tclen)) == NULL ||
	    tclen < strlen(TRUSTED) ||
	    strncmp(tc, TRUSTED, strlen(TRUSTED)) != 0 ||
	    (line = next_line(&p, end, &n)) == NULL ||
	    unb64(line, n, global, sizeof(global)) == -1)
		return "the trusted comment or its signature is missing";
	tc += strlen(TRUSTED);
	tclen -= strlen(TRUSTED);
	if (hashed) {
		crypto_generichash(hash, sizeof(hash), data, len, NULL, 0);
		if (crypto_sign_verify_detached(sig + 2 + MS_KEYNUM, hash,
		    sizeof(hash), pub->pk) != 0)
			return "the signature does not match the file";
	} else if (crypto_sign_verify_detached(sig + 2 + MS_KEYNUM, data,
	    len, pub->pk) != 0)
		return "the signature does not match the file";
	buf_add(&m, sig + 2 + MS_KEYNUM, crypto_sign_BYTES);
	buf_add(&m, tc, tclen);
	if (crypto_sign_verify_detached(global, (const unsigned char *)m.data,
	    m.len, pub->pk) != 0)
		why = "the trusted comment was changed";
	else if (trusted != NULL)
		*trusted = xstrndup(tc, tclen);
	buf_free(&m);
	return why;
}
