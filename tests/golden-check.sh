#!/bin/sh
# golden-check.sh CASE.xml: run "opas check" on a reader case from its own
# directory and compare what it prints on standard error, and its exit
# status, with CASE.err.  Used as the Automake log compiler for .xml tests.
# $OPAS_RUN is empty, or tests/valgrind.sh under make check-valgrind.
case=$1
dir=$(dirname "$case")
name=$(basename "$case" .xml)
expected="$dir/$name.err"
: "${OPAS:=../src/opas}"

if [ ! -f "$expected" ]; then
	echo "missing expected file $expected" >&2
	exit 99
fi
actual=$(cd "$dir" && $OPAS_RUN "$OPAS" check "$name.xml" 2>&1 >/dev/null; echo "exit $?")
if printf '%s\n' "$actual" | diff -u "$expected" -; then
	exit 0
fi
echo "FAIL: $case: output differs from $expected (above)" >&2
exit 1
