#!/bin/sh
# pdf-golden.sh: line and page breaking, golden-tested as text.  Each
# tests/pdf/CASE.xml is built with the text device (opas build -f
# pdf-text); its pages must equal CASE.out_text and its diagnostics
# CASE.err (empty when there are none).  The cases: Finnish hyphenation
# and justification, Russian (libhyphen; the spaces of a justified line
# shrink a little rather than leave a loose line), Arabic with phone numbers, a web address and
# parentheses (visual order, presentation forms), Chinese (no line
# starts with 。or ，), Thai (tone marks and vowels drawn as the TLWG
# fonts' glyph variants, which the text device writes <U+F70B>), and
# hostile text (a 100,000-letter word, characters outside the BMP, a
# character no font has); and a missing font file.
# $OPAS_RUN is empty, or tests/valgrind.sh under make check-valgrind.
#
# After a deliberate change of the layout, regenerate with
#   OPAS_GOLDEN_UPDATE=1 make check TESTS=tests/pdf-golden.sh
# and read the diff before committing it.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-golden.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
case_dir=$(cd "$srcdir/tests/pdf" && pwd)
for xml in "$case_dir"/*.xml; do
	c=$(basename "$xml" .xml)
	rm -rf "$tmp/out"
	(cd "$tmp" && $OPAS_RUN "$OPAS" build -f pdf-text -o out "$xml") \
	    > /dev/null 2> "$tmp/$c.err.raw"
	echo "exit $?" >> "$tmp/$c.err.raw"
	sed "s|$case_dir/||" "$tmp/$c.err.raw" > "$tmp/$c.err"
	got=$(ls "$tmp"/out/pdf/*.txt 2>/dev/null | head -n 1)
	if [ -z "$got" ]; then
		echo "FAIL: $c: no text output" >&2
		cat "$tmp/$c.err" >&2
		fail=1
		continue
	fi
	if [ -n "$OPAS_GOLDEN_UPDATE" ]; then
		cp "$got" "$case_dir/$c.out_text"
		cp "$tmp/$c.err" "$case_dir/$c.err"
	fi
	if ! diff -u "$case_dir/$c.out_text" "$got" > "$tmp/diff"; then
		head -n 40 "$tmp/diff"
		echo "FAIL: $c: the layout differs from $c.out_text" >&2
		fail=1
	elif ! diff -u "$case_dir/$c.err" "$tmp/$c.err"; then
		echo "FAIL: $c: the diagnostics differ from $c.err" >&2
		fail=1
	else
		echo "ok: $c"
	fi
done
# A missing font: exit 2, the package to install named, nothing written.
rm -rf "$tmp/out"
(cd "$tmp" && OPAS_FONTDIR=/nonexistent $OPAS_RUN "$OPAS" build -f pdf -o out \
    "$case_dir/fi.xml") > /dev/null 2> "$tmp/nofont.err"
status=$?
if [ "$status" -ne 2 ] || ! grep -q 'install the Debian package fonts-dejavu-core' \
    "$tmp/nofont.err" || ls "$tmp"/out/pdf/*.pdf > /dev/null 2>&1; then
	cat "$tmp/nofont.err" >&2
	echo "FAIL: a missing font: exit $status, or a PDF was written" >&2
	fail=1
else
	echo "ok: a missing font is reported, nothing written"
fi

# Kinsoku: no line of the Chinese case starts with 。or ，.
if grep -q '^[。，]' "$case_dir/zh.out_text"; then
	echo "FAIL: zh: a line starts with 。or ，" >&2
	fail=1
fi
exit $fail
