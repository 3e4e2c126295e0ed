/*
 * verify.h: an authority's check of what it downloaded (opas verify).
 *
 * A release folder (SHA256SUMS, SHA256SUMS.minisig, minisign.pub and
 * the files they list), a package's unpacked folder (the same files),
 * or a package file (.zip, checked without unpacking it): the
 * signature must be good and every listed file present and unchanged.
 * Packages listed in a release are checked inside too.
 */
#ifndef OPAS_VERIFY_H
#define OPAS_VERIFY_H

/* The exit status: 0 when everything checks out. */
int	verify_path(const char *path, const char *pubkey);

#endif
