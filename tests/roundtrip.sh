#!/bin/sh
# roundtrip.sh: translating every message by itself (msgstr = msgid, made
# with msgen) and merging gives back the guide: extracting the merged tree
# yields exactly the messages of po/guide.pot, with no fallback.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-rt.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
msgen "$srcdir/po/guide.pot" | sed 's/^"Language: \\n"/"Language: en\\n"/' > "$tmp/en.po" || exit 1
"$OPAS" merge -p "$tmp/en.po" -o "$tmp/merged.xml" "$srcdir/guide/guide.xml" || exit 1
if grep -q 'xml:lang="en" dir=' "$tmp/merged.xml" &&
   [ "$(grep -c 'xml:lang="en"' "$tmp/merged.xml")" -gt 1 ]; then
	echo "FAIL: some blocks fell back to English" >&2
	exit 1
fi
"$OPAS" extract -o "$tmp/again.pot" "$tmp/merged.xml" || exit 1
grep -E '^(msgctxt|msgid|")' "$srcdir/po/guide.pot" | sed 1,20d > "$tmp/a"
grep -E '^(msgctxt|msgid|")' "$tmp/again.pot" | sed 1,20d > "$tmp/b"
if ! diff -u "$tmp/a" "$tmp/b" | head -n 30; then :; fi
cmp -s "$tmp/a" "$tmp/b" || { echo "FAIL: round trip changed the messages" >&2; exit 1; }
echo "ok: round trip gives back all $(grep -c '^msgid' "$tmp/a") messages"
