#!/bin/sh
# pdf-pixels.sh: missing glyphs show in pixels, not in extracted text.
# Debian's libharu 2.3.0 drops nested composite glyphs (every Arabic
# dot); opas works around it (hpdf.c).  The Arabic test page, rendered
# with pdftoppm, must have clearly more ink than the same page built
# with the workaround switched off (OPAS_TEST_NO_GLYPH_FIX, for this
# test only) -- which also shows that this test can fail.  The Chinese
# page must have at least as much ink as without the workaround (the
# subset renumbers the glyphs below 32768, which avoids the second 2.3.0
# bug; the workaround must not cost any glyph either).
: "${OPAS:=../src/opas}" "${srcdir:=.}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-pixels.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
command -v pdftoppm >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1 ||
    { echo "FAIL: pdftoppm or python3 missing; run ./bootstrap" >&2; exit 99; }
cases=$(cd "$srcdir/tests/pdf" && pwd)
fail=0

ink() {	# PDF -> dark pixels on page 4 (the chapter)
	pdftoppm -gray -r 200 -f 4 -l 4 "$1" "$1.p" 2>/dev/null &&
	python3 - "$1".p*.pgm <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
# P5 header: magic, width, height, maxval, then bytes.
parts, pos = [], 0
while len(parts) < 4:
    while data[pos:pos+1].isspace():
        pos += 1
    end = pos
    while not data[end:end+1].isspace():
        end += 1
    parts.append(data[pos:end])
    pos = end
w, h = int(parts[1]), int(parts[2])
px = data[pos+1:pos+1+w*h]
print(sum(1 for b in px if b < 128))
PY
}

for c in ar zh; do
	for mode in fix nofix; do
		mkdir -p "$tmp/$c-$mode"
		if [ $mode = nofix ]; then
			(cd "$tmp/$c-$mode" && OPAS_TEST_NO_GLYPH_FIX=1 "$OPAS" \
			    build -f pdf -o out "$cases/$c.xml") > /dev/null 2>&1
		else
			(cd "$tmp/$c-$mode" && "$OPAS" build -f pdf -o out \
			    "$cases/$c.xml") > /dev/null 2>&1
		fi
	done
	with=$(ink "$(ls "$tmp/$c-fix"/out/pdf/*.pdf)")
	without=$(ink "$(ls "$tmp/$c-nofix"/out/pdf/*.pdf)")
	echo "$c: ink $with with the workaround, $without without"
	if [ -z "$with" ] || [ -z "$without" ]; then
		echo "FAIL: $c: could not render" >&2
		fail=1
	elif [ "$c" = ar ] && [ $((with * 100)) -lt $((without * 102)) ]; then
		echo "FAIL: ar: the Arabic page lacks ink (dots missing?)" >&2
		fail=1
	elif [ "$with" -lt "$without" ]; then
		echo "FAIL: $c: less ink with the workaround" >&2
		fail=1
	fi
done
exit $fail
