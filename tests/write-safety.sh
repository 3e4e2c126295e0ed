#!/bin/sh
# write-safety.sh: a run that cannot write its outputs leaves the
# previous ones as they were (src/base/wfile.c: a temporary file, then
# rename).  The Finnish HTML, EPUB and PDF editions are built, then
# built again under a file size limit (ulimit -f, in a subshell): one
# that only the HTML pages fit in, then one that nothing fits in.
# The POT (opas extract) and a signed release for one authority (opas
# dist) the same way.  Each time opas must exit 2, name every file it
# could not write, say
# why (EFBIG: it must not be killed by SIGXFSZ), leave every earlier
# output byte for byte as it was, and leave no temporary file behind
# (*.tmp* beside the outputs, opas-font.* in TMPDIR).  Then a full
# disk, as far as a test can make one: /dev/full as the output file
# and as standard output.
# $OPAS_RUN is empty, or tests/valgrind.sh under make check-valgrind.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-write.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/tmpdir" || exit 99
fail=0
out=$tmp/out
epub=$out/epub/welcome-to-finland-fi.epub
pdf=$out/pdf/welcome-to-finland-fi.pdf

build() {
	(cd "$srcdir" && TMPDIR=$tmp/tmpdir $OPAS_RUN "$OPAS" build -l fi \
	    -f html,epub,pdf --po-dir po -o "$out" guide/guide.xml)
}

# The POT too: written piece by piece, so it fails on a flush.
extract() {
	(cd "$srcdir" && $OPAS_RUN "$OPAS" extract -o "$out/guide.pot" \
	    guide/guide.xml)
}

# A release with one authority that gets the Finnish editions.
release() {
	(cd "$srcdir" && $OPAS_RUN "$OPAS" dist -m "$tmp/authorities.xml" \
	    -e "$out" -o "$out/dist" -k "$tmp/key" --po-dir po \
	    guide/guide.xml)
}
cat > "$tmp/authorities.xml" <<'EOF2'
<?xml version="1.0" encoding="UTF-8"?>
<authorities xmlns="urn:x-opas:authorities">
  <authority id="espoo-integration" type="municipality" municipality="049">
    <name xml:lang="fi">Espoon kotoutumispalvelut</name>
    <name xml:lang="sv">Esbo integrationstjänster</name>
    <name xml:lang="en">Espoo integration services</name>
    <email>kotoutuminen@espoo.fi</email>
    <receive languages="fi" formats="pdf epub html"/>
  </authority>
</authorities>
EOF2

sums() {
	(cd "$out" && find . -type f | LC_ALL=C sort | xargs sha256sum)
}

# Whether the outputs are those of the first build, and nothing else
# is left beside them or in TMPDIR.
unchanged() {	# DESCRIPTION
	sums > "$tmp/sums.now"
	if ! diff -u "$tmp/sums" "$tmp/sums.now" >&2; then
		echo "FAIL: $1: an earlier output changed, or a file was added" >&2
		fail=1
	fi
	left=$(find "$out" "$tmp/tmpdir" -name '*.tmp*' -o -name 'opas-font.*')
	if [ -n "$left" ]; then
		echo "FAIL: $1: temporary files left: $left" >&2
		fail=1
	fi
}

expect_error() {	# DESCRIPTION STATUS LOG PATTERN...
	desc=$1 status=$2 log=$3
	shift 3
	if [ "$status" -ne 2 ]; then
		cat "$log" >&2
		echo "FAIL: $desc: exit $status, not 2" >&2
		fail=1
	fi
	for pat in "$@"; do
		if ! grep -q -- "$pat" "$log"; then
			cat "$log" >&2
			echo "FAIL: $desc: no message: $pat" >&2
			fail=1
		fi
	done
}

if ! build > "$tmp/first.log" 2>&1 || ! extract >> "$tmp/first.log" 2>&1 ||
    ! (cd "$srcdir" && "$OPAS" build --chooser --po-dir po -o "$out" \
    guide/guide.xml) >> "$tmp/first.log" 2>&1 ||
    ! "$OPAS" dist keygen "$tmp/key" >> "$tmp/first.log" 2>&1 ||
    ! release >> "$tmp/first.log" 2>&1; then
	cat "$tmp/first.log" >&2
	echo "FAIL: the first build" >&2
	exit 1
fi
sums > "$tmp/sums"
for f in "$epub" "$pdf" "$out/html/fi/index.html" "$out/guide.pot" \
    "$out/dist/manifest.json"; do
	if [ ! -s "$f" ]; then
		echo "FAIL: the first build wrote no $f" >&2
		exit 1
	fi
done

# 40 blocks: 20 KB (dash counts 512 bytes) or 40 KB (bash, 1024): the
# HTML pages fit, the EPUB book (about 50 KB), the PDF and the POT do not.
(ulimit -f 40 && build) > "$tmp/big.log" 2>&1
expect_error "EPUB and PDF past the size limit" $? "$tmp/big.log" \
    "$epub: error: cannot write this file: File too large" \
    "$pdf: error: cannot write this file: File too large"
(ulimit -f 40 && extract) > "$tmp/pot.log" 2>&1
expect_error "the POT past the size limit" $? "$tmp/pot.log" \
    "$out/guide.pot: error: cannot write this file: File too large"
unchanged "EPUB, PDF and POT past the size limit"

# The release: its package (the Finnish PDF, EPUB and site) does not
# fit; the previous release stays whole, and no half of the new one is
# left beside it.
(ulimit -f 40 && release) > "$tmp/dist.log" 2>&1
expect_error "a release past the size limit" $? "$tmp/dist.log" \
    "welcome-to-finland-[0-9]*-espoo-integration.zip: error: cannot write this file: File too large"
unchanged "a release past the size limit"

# 1 block: nothing fits.  The HTML edition stops at its first page.
(ulimit -f 1 && build) > "$tmp/all.log" 2>&1
expect_error "every file past the size limit" $? "$tmp/all.log" \
    "$out/html/fi/[a-z-]*\.html: error: cannot write this file: File too large" \
    "$epub: error: cannot write this file: File too large" \
    "$pdf: error: cannot write this file: File too large"
unchanged "every file past the size limit"

# No room on the device: a named output and standard output.
if [ -w /dev/full ]; then
	(cd "$srcdir" && $OPAS_RUN "$OPAS" extract -o /dev/full \
	    guide/guide.xml) > "$tmp/full.log" 2>&1
	expect_error "extract -o /dev/full" $? "$tmp/full.log" \
	    "/dev/full: error: cannot write this file: No space left on device"
	(cd "$srcdir" && $OPAS_RUN "$OPAS" merge -p po/fi.po \
	    guide/guide.xml) > /dev/full 2> "$tmp/stdout.log"
	expect_error "merge > /dev/full" $? "$tmp/stdout.log" \
	    "No space left on device"
fi
[ "$fail" -eq 0 ] && echo "ok: failed writes left every earlier output as it was, and nothing else"
exit $fail
