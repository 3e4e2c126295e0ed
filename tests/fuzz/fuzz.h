/*
 * fuzz.h: what the fuzz targets of tests/fuzz share.  Each target
 * (reader.c, merge.c, layout.c) defines libFuzzer's two entry points;
 * linked with -fsanitize=fuzzer it is a fuzzer, linked with
 * standalone.c it replays inputs from files in make check.
 */
#ifndef OPAS_FUZZ_H
#define OPAS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * Diagnostics are formatted as in a real run (a bad format argument
 * must show), then dropped: fuzzing prints nothing per input.
 */
void	fuzz_quiet(void);
/* A file of the source tree opas was configured from; caller frees. */
char	*fuzz_srcfile(const char *);

#endif
