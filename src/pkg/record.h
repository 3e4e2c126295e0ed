/*
 * record.h: the delivery record, dist/deliveries: what each authority
 * was last sent.  One line per authority, in a plain text format that
 * reads well in a version-control diff:
 *
 *	AUTHORITY  EDITION  DATE  SHA256-OF-THE-PACKAGE
 *
 * "#" starts a comment.  opas dist record rewrites the authority's line
 * (safely: temporary file, then rename); opas dist status compares the
 * record with the current edition and the current packages.
 */
#ifndef OPAS_RECORD_H
#define OPAS_RECORD_H

/* opas dist record: the exit status. */
int	record_delivery(const char *manifest, const char *record,
	    const char *outdir, const char *id, const char *edition,
	    const char *date);
/* opas dist status: the exit status. */
int	record_status(const char *manifest, const char *record,
	    const char *outdir, const char *source);

#endif
