#!/bin/sh
# merge.sh: opas merge on tests/merge/book.xml with a catalogue whose
# translations break every rule (missing placeholder, unknown link
# target, broken markup, event handler, script element, javascript:
# link, a fuzzy entry): each is reported at its PO line, falls back to
# English (xml:lang="en"), and the rest of the language is merged.
# Then a Publican catalogue (publican.po) of a DocBook 4 chapter, and
# one (nested.po) that puts an index term inside a placeholder.
# $OPAS_RUN is empty, or tests/valgrind.sh under make check-valgrind.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
dir="$srcdir/tests/merge"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-merge.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
(cd "$dir" && $OPAS_RUN "$OPAS" merge -p fi.po book.xml) > "$tmp/out.xml" 2> "$tmp/err"
echo "exit $?" >> "$tmp/err"
diff -u "$dir/fi.expected" "$tmp/out.xml" || fail=1
diff -u "$dir/fi.err" "$tmp/err" || fail=1
if grep -q -i -e '<script' -e 'onclick=' -e 'javascript:' "$tmp/out.xml"; then
	echo "FAIL: hostile markup reached the translated tree" >&2
	fail=1
fi
# --strict: the same catalogue is fatal and nothing is written.
(cd "$dir" && $OPAS_RUN "$OPAS" merge --strict -p fi.po -o "$tmp/strict.xml" book.xml) 2>/dev/null
status=$?
if [ "$status" -ne 2 ] || [ -e "$tmp/strict.xml" ]; then
	echo "FAIL: --strict: exit $status, or a file was written" >&2
	fail=1
fi
# A Publican catalogue of a DocBook 4 chapter: index terms written in
# full inside paragraphs, keywords one by one, lang rather than xml:lang.
(cd "$dir" && $OPAS_RUN "$OPAS" merge -p publican.po publican.xml) > "$tmp/pub.xml" 2> "$tmp/pub.err"
echo "exit $?" >> "$tmp/pub.err"
diff -u "$dir/publican.expected" "$tmp/pub.xml" || fail=1
diff -u "$dir/publican.err" "$tmp/pub.err" || fail=1
# A placeholder with content (an index term inside the footnote's):
# refused at its line, the paragraph stays English, the rest is merged.
(cd "$dir" && $OPAS_RUN "$OPAS" merge -p nested.po publican.xml) > "$tmp/nested.xml" 2> "$tmp/nested.err"
echo "exit $?" >> "$tmp/nested.err"
diff -u "$dir/nested.err" "$tmp/nested.err" || fail=1
if grep -q luettelo "$tmp/nested.xml" || ! grep -q '<keyword>Verkko</keyword>' "$tmp/nested.xml"; then
	echo "FAIL: nested.po: the refused paragraph was merged, or the good entry was not" >&2
	fail=1
fi
[ "$fail" -eq 0 ] && echo "ok: hostile catalogue merged safely; --strict refuses it; Publican catalogue merged; placeholder with content refused"
exit $fail
