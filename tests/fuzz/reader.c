/*
 * reader.c: fuzz target of the guide reader.  The input is the main
 * file of a guide whose source tree is tests/reader (so XIncludes and
 * entities may name the files there, and every other path must be
 * refused); it goes through doc_read_mem() and then what opas check
 * does: the schema or the element table, ids and links, and the cut
 * into messages that extraction makes.
 */
#include "config.h"

#include <stdlib.h>

#include "base/data.h"
#include "base/mem.h"
#include "base/msg.h"
#include "doc/doc.h"
#include "i18n/extract.h"
#include "i18n/its.h"
#include "fuzz.h"

static char	*mainfile;	/* the name the input is read as */
static char	*schema;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet();
	mainfile = fuzz_srcfile("tests/reader/fuzz-input.xml");
	if ((schema = data_find("schema/guide.rng")) == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog	*cat;
	struct doc	*d;
	struct its	*its;

	if ((d = doc_read_mem(mainfile, (const char *)data, size)) == NULL)
		return 0;
	if (d->version == 5)
		doc_validate(d, schema);
	else
		doc_check_elements(d);
	doc_check_links(d);
	if ((its = its_for(d, NULL)) != NULL) {
		cat = extract_run(d, its);
		extract_free(cat);
		its_free(its);
	}
	doc_free(d);
	msg_reset();
	return 0;
}
