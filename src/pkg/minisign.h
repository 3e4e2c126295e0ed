/*
 * minisign.h: Ed25519 keys and signatures in minisign's file formats,
 * made with libsodium.  What opas signs, "minisign -Vm FILE -p KEY"
 * verifies; a key made by "minisign -G -W" (no password) signs for
 * opas, and a key made by opas works with minisign.
 *
 * Signatures are minisign's prehashed kind ("ED": BLAKE2b-512 of the
 * file, then Ed25519) with a trusted comment that is signed too.
 * Ed25519 is deterministic, so the same key, file and comment always
 * give the same bytes: releases stay reproducible.
 */
#ifndef OPAS_MINISIGN_H
#define OPAS_MINISIGN_H

#include <stddef.h>

#define MS_KEYNUM	8
#define MS_PK		32
#define MS_SK		64

struct	mskey {
	unsigned char	 keynum[MS_KEYNUM];
	unsigned char	 sk[MS_SK];	/* seed, then public key */
	char		*comment;	/* the key file's untrusted comment */
};

struct	mspub {
	unsigned char	 keynum[MS_KEYNUM];
	unsigned char	 pk[MS_PK];
};

/*
 * A new key pair: the secret key file (mode 0600, never overwritten)
 * and the public key file.  -1 after reporting.
 */
int		 ms_keygen(const char *secpath, const char *pubpath,
		    const char *comment);
/* A secret key file; NULL after reporting.  Encrypted keys are refused. */
struct mskey	*ms_seckey_read(const char *);
void		 ms_seckey_free(struct mskey *);
void		 ms_pubkey(const struct mskey *, struct mspub *);
/* The text of a minisign.pub file (malloc'd). */
char		*ms_pub_text(const struct mspub *);
/*
 * Parse a minisign.pub file, or the base64 line alone.  NULL on
 * success, else why not (a static English phrase, for msg()).
 */
const char	*ms_pub_parse(const char *, size_t, struct mspub *);
/* The key id as minisign prints it: 16 uppercase hex digits. */
void		 ms_keyid(const unsigned char *, char out[2 * MS_KEYNUM + 1]);
/* The .minisig text for data (malloc'd). */
char		*ms_sign(const struct mskey *, const void *, size_t,
		    const char *trusted);
/*
 * Check a .minisig text against data.  NULL when the signature is
 * good (*trusted, if not NULL, gets the trusted comment, malloc'd),
 * else why not.
 */
const char	*ms_verify(const struct mspub *, const void *, size_t,
		    const char *sig, size_t siglen, char **trusted);

#endif
