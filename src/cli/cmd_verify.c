/*
 * cmd_verify.c: opas verify, an authority's check of what it received.
 */
#include "config.h"

#include "base/intl.h"
#include "cli/cmd.h"

const struct cmd_entry cmd_verify_entry = {
	"verify",
	N_("DIR|PACKAGE"),
	N_("Check the signature and checksums of a downloaded release."),
	"",
	cmd_unavailable
};
