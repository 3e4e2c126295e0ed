#!/bin/sh
# pdf.sh: the PDF books of the guide in every language.  qpdf --check
# accepts each; pdffonts shows every font embedded and subset; the text
# pdftotext gives back holds, after NFKC normalisation (which folds the
# Arabic presentation forms back), the book's title and the first
# paragraph of the health chapter in logical order, as merged from the
# catalogue; every contents entry names the page its heading is on
# (toc-check.py on the text rendering of the same layout); two builds at different times, time zones and umasks are
# identical byte for byte.  (Vowel marks are left out of the comparison,
# see compare.py.)  Thai is drawn in TLWG Waree's glyph variants at
# U+F700-U+F71A; their ToUnicode entries give the Thai letters back.
#
# Every font has a real ToUnicode map: pdffonts and pdftotext say
# nothing on stderr (no "Syntax Warning: Invalid 'begincidrange'
# operator in ToUnicode CMap"), and the Arabic-script books give back
# plain letters without NFKC: no presentation form (U+FB50-U+FDFF,
# U+FE70-U+FEFF) in pdftotext's text, and the same title and paragraph
# found; the same for Thai, with no glyph variant (U+F700-U+F71A).
: "${OPAS:=../src/opas}" "${srcdir:=.}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-pdf.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
for t in qpdf pdffonts pdftotext python3; do
	command -v "$t" >/dev/null 2>&1 ||
	    { echo "FAIL: $t missing; run ./bootstrap" >&2; exit 99; }
done
fail=0

build() {	# DIR TZ UMASK
	(cd "$srcdir" && umask "$3" && TZ=$2 "$OPAS" build -f pdf,pdf-text \
	    --po-dir po -o "$1" guide/guide.xml) > "$1.log" 2>&1
}
build "$tmp/a" UTC 022
status=$?
cat "$tmp/a.log"
if [ "$status" -ne 0 ]; then
	echo "FAIL: opas build -f pdf exited $status" >&2
	exit 1
fi
sleep 1
build "$tmp/b" Asia/Tehran 077 || { echo "FAIL: second build" >&2; exit 1; }

# The merged text a book must give back.
cat > "$tmp/expect.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:db="http://docbook.org/ns/docbook">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:value-of select="normalize-space(/db:book/db:info/db:title)"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:value-of select="normalize-space(//db:chapter[@xml:id = 'ch-health']/db:para[1])"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
EOF
cat > "$tmp/compare.py" <<'EOF'
import re, sys, unicodedata
# --plain: no NFKC, the text must hold the letters themselves; and no
# Arabic presentation form may be left in it.
plain = len(sys.argv) > 3 and sys.argv.pop(1) == "--plain"
# poppler lays out a glyph that stands for several characters left to
# right, then reverses right-to-left words: lam-alef, one glyph mapped
# to lam + alef in logical order (as the PDF reference wants, and as
# pdf.js and Acrobat read it), comes back from pdftotext as alef + lam.
# So the order inside a run of lams and alefs is left out.
lamalef = re.compile("[\u0644\u0627\u0622\u0623\u0625]+")
def norm(s):
    if not plain:
        s = unicodedata.normalize("NFKC", s)
    s = lamalef.sub(lambda m: "".join(sorted(m.group())), s)
    drop = {0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
            0x2066, 0x2067, 0x2068, 0x2069, 0xad, 0x200c, 0x200d}
    # Line-end hyphens and white space are layout, not text.  Vowel
    # marks (Mn) are dropped: drawn after their letter, they come
    # back from pdftotext's reordering one letter early.
    return "".join(c for c in s if not c.isspace() and c != "-"
                   and ord(c) not in drop
                   and unicodedata.category(c) != "Mn")
raw = open(sys.argv[1], encoding="utf-8").read()
text = norm(raw)
bad = 0
pf = sorted({"U+%04X" % ord(c) for c in raw
             if 0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF
             or 0xF700 <= ord(c) <= 0xF71A})
if plain and pf:
    print("presentation forms or Thai glyph variants:", " ".join(pf[:20]))
    bad = 1
for line in open(sys.argv[2], encoding="utf-8"):
    want = norm(line)
    if want and want not in text:
        print("missing:", line.strip()[:80])
        bad = 1
sys.exit(bad)
EOF

langs="en $(sed 's/#.*//' "$srcdir/po/LINGUAS" | tr '_' '-')"
n=0
for l in $langs; do
	f="$tmp/a/pdf/welcome-to-finland-$l.pdf"
	if [ ! -f "$f" ]; then
		echo "FAIL: $l: no $f" >&2
		fail=1
		continue
	fi
	n=$((n + 1))
	cmp -s "$f" "$tmp/b/pdf/welcome-to-finland-$l.pdf" ||
	    { echo "FAIL: $l: two builds differ" >&2; fail=1; }
	qpdf --check "$f" > "$tmp/qpdf.log" 2>&1 ||
	    { cat "$tmp/qpdf.log"; echo "FAIL: $l: qpdf --check" >&2; fail=1; }
	pdffonts "$f" 2> "$tmp/pdffonts.err" | awk -v l="$l" '
	    NR > 2 { n++; if ($(NF-4) != "yes" || $(NF-3) != "yes") {
	        print "FAIL: " l ": font not embedded and subset: " $0; bad = 1 } }
	    END { if (n == 0) { print "FAIL: " l ": no fonts"; bad = 1 }
	        exit bad }' >&2 || fail=1

	po="$srcdir/po/$(echo "$l" | tr '-' '_').po"
	if [ "$l" = en ]; then
		xmllint --xinclude "$srcdir/guide/guide.xml" > "$tmp/m.xml"
	else
		"$OPAS" merge -p "$po" -o "$tmp/m.xml" \
		    "$srcdir/guide/guide.xml" 2> "$tmp/merge.log" ||
		    { cat "$tmp/merge.log"; echo "FAIL: $l: merge" >&2; fail=1; }
	fi
	xsltproc "$tmp/expect.xsl" "$tmp/m.xml" > "$tmp/expect.txt"
	pdftotext "$f" "$tmp/text.txt" 2> "$tmp/pdftotext.err"
	if grep -q 'Syntax \(Warning\|Error\)' "$tmp/pdffonts.err" \
	    "$tmp/pdftotext.err"; then
		sort "$tmp/pdffonts.err" "$tmp/pdftotext.err" | uniq -c >&2
		echo "FAIL: $l: poppler finds errors (a ToUnicode map?)" >&2
		fail=1
	fi
	if ! python3 "$tmp/compare.py" "$tmp/text.txt" "$tmp/expect.txt" >&2; then
		echo "FAIL: $l: pdftotext does not give back the text" >&2
		fail=1
	fi
	case $l in
	ar|fa|ckb|th)
		python3 "$tmp/compare.py" --plain "$tmp/text.txt" \
		    "$tmp/expect.txt" >&2 || { echo "FAIL: $l: pdftotext" \
		    "does not give back letters (ToUnicode map)" >&2; fail=1; }
		;;
	esac
	python3 "$srcdir/tests/toc-check.py" \
	    "$tmp/a/pdf/welcome-to-finland-$l.txt" > "$tmp/toc.log" ||
	    { cat "$tmp/toc.log"; echo "FAIL: $l: contents" >&2; fail=1; }
done
# The contents check can fail: an entry pointing at a wrong page.
sed '0,/ | [0-9]*$/s// | 99/' "$tmp/a/pdf/welcome-to-finland-fi.txt" \
    > "$tmp/wrong.txt"
if python3 "$srcdir/tests/toc-check.py" "$tmp/wrong.txt" > /dev/null; then
	echo "FAIL: toc-check.py accepted a wrong page number" >&2
	fail=1
fi
[ "$n" -ge 12 ] || { echo "FAIL: only $n books" >&2; fail=1; }
echo "ok: $n books checked: reproducible, qpdf, fonts embedded and subset, text in logical order, ToUnicode maps clean, Arabic and Thai as letters"
exit $fail
