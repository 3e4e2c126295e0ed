#!/bin/sh
# pot-current.sh: the committed po/guide.pot is exactly what opas extract
# makes from the guide today (run make update-po if this fails), and
# msgfmt -c accepts it.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
tmp=$(mktemp "${TMPDIR:-/tmp}/opas-pot.XXXXXX") || exit 99
trap 'rm -f "$tmp"' EXIT
(cd "$srcdir" && "$OPAS" extract guide/guide.xml) > "$tmp" || exit 1
if ! diff -u "$srcdir/po/guide.pot" "$tmp" > /dev/null; then
	diff -u "$srcdir/po/guide.pot" "$tmp" | head -n 40
	echo "FAIL: po/guide.pot is out of date: run make update-po" >&2
	exit 1
fi
msgfmt -c -o /dev/null "$srcdir/po/guide.pot" 2>&1 |
	grep -v 'still has the initial default value' |
	grep . && { echo "FAIL: msgfmt -c rejects po/guide.pot" >&2; exit 1; }
echo "ok: po/guide.pot is current and msgfmt -c accepts it"
