#!/bin/sh
# stats.sh: opas stats counts the messages and words a catalogue
# translates, leaves fuzzy or untranslated against the current source,
# counts a translation that merge refuses as untranslated (and as
# rejected), treats a missing catalogue as untranslated, and applies
# thresholds: five broken translations make the 50 % edition a preview.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
out=$(cd "$srcdir/tests" && "$OPAS" stats --json --po-dir stats merge/book.xml) || exit 1
if [ "$out" != "$(cat "$srcdir/tests/stats/expected.json")" ]; then
	printf '%s\n' "$out" | diff -u "$srcdir/tests/stats/expected.json" -
	echo "FAIL: opas stats --json differs" >&2
	exit 1
fi
echo "ok: opas stats"
