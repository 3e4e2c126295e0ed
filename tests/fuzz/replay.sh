#!/bin/sh
# replay.sh: every fuzz target, built without libFuzzer, run over its
# seed corpus (tests/fuzz/corpus/TARGET) and over the inputs of the
# crashes fuzzing has found (tests/fuzz/regress/TARGET): a crash, an
# abort on a broken invariant, or (in sanitizer builds) a memory error
# or leak fails the test.  Under make check-valgrind the programs run
# under valgrind ($OPAS_RUN).
: "${srcdir:=.}"
fail=0
for t in reader merge layout; do
	dirs="$srcdir/tests/fuzz/corpus/$t"
	if [ -d "$srcdir/tests/fuzz/regress/$t" ]; then
		dirs="$dirs $srcdir/tests/fuzz/regress/$t"
	fi
	# shellcheck disable=SC2086 # dirs is a list; OPAS_RUN may be empty
	if ! $OPAS_RUN ./tests/fuzz/replay-$t $dirs; then
		echo "FAIL: the $t fuzz target failed on an input above" >&2
		fail=1
	fi
done
exit $fail
