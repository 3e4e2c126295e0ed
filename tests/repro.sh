#!/bin/sh
# repro.sh: every edition is reproducible.  Two clean copies of the
# source (guide/, po/, data/), in directories of different names, are
# built at different times, in different time zones and with different
# umasks, SOURCE_DATE_EPOCH unset (opas takes its dates from the
# source): every language in HTML, EPUB and PDF, and the language
# chooser.  The two output trees must be identical byte for byte; a
# file that differs or exists in only one tree is named.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
case $OPAS in /*) ;; *) OPAS=$(pwd)/$OPAS ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-repro.XXXXXX") || exit 99
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
unset SOURCE_DATE_EPOCH
fail=0

langs="en $(sed 's/#.*//' "$srcdir/po/LINGUAS" | tr '_' '-')"

copy() {	# DIR: a clean copy of what the editions are built from
	mkdir -p "$1" && cp -R "$srcdir/guide" "$srcdir/po" "$srcdir/data" "$1/"
}

build() {	# TREE OUT TZ UMASK: every edition, one language at a time
	(
		cd "$1" || exit 1
		umask "$4"
		TZ=$3 OPAS_DATADIR=$1/data
		export TZ OPAS_DATADIR
		for l in $langs; do
			"$OPAS" build -l "$l" --po-dir po -o "$2" guide/guide.xml
			s=$?
			# 1: a broken translation fell back to English, still built
			[ "$s" -le 1 ] || { echo "opas build -l $l exited $s"; exit 1; }
		done
		"$OPAS" build --chooser --po-dir po -o "$2" guide/guide.xml
		s=$?
		[ "$s" -le 1 ] || { echo "opas build --chooser exited $s"; exit 1; }
	) > "$2.log" 2>&1
}

copy "$tmp/first/src" || exit 99
build "$tmp/first/src" "$tmp/a" UTC 022 || {
	cat "$tmp/a.log"; echo "FAIL: first build" >&2; exit 1; }
sleep 1
copy "$tmp/second-copy/source" || exit 99
build "$tmp/second-copy/source" "$tmp/b" Pacific/Kiritimati 077 || {
	cat "$tmp/b.log"; echo "FAIL: second build" >&2; exit 1; }

# Both trees hold every edition (two empty trees would compare equal).
for t in a b; do
	for l in $langs; do
		for f in "html/$l/index.html" \
		    "epub/welcome-to-finland-$l.epub" \
		    "pdf/welcome-to-finland-$l.pdf"; do
			if [ ! -s "$tmp/$t/$f" ]; then
				echo "FAIL: build $t wrote no $f" >&2
				fail=1
			fi
		done
	done
	if [ ! -s "$tmp/$t/html/index.html" ]; then
		echo "FAIL: build $t wrote no html/index.html" >&2
		fail=1
	fi
done

# Every file of each tree, byte for byte; "Only in" names a file that
# exists in one tree only.  Temporary files left behind show up here too.
if ! diff -rq "$tmp/a" "$tmp/b" > "$tmp/diff" 2>&1; then
	sed "s|$tmp/||g; s|^|FAIL: |" "$tmp/diff" >&2
	fail=1
fi
n=$(find "$tmp/a" -type f | wc -l)
echo "$n files in $(echo $langs | wc -w) languages compared"
[ "$n" -gt 0 ] || fail=1
exit $fail
