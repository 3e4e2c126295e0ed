#!/bin/sh
# roundtrip.sh: translating every message by itself (msgstr = msgid, made
# with msgen) and merging gives back the guide: extracting the merged tree
# yields exactly the messages of po/guide.pot, with no fallback.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-rt.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
msgen "$srcdir/po/guide.pot" | sed 's/^"Language: \\n"/"Language: en\\n"/' > "$tmp/en.po" || exit 1
# Merged as if it were Finnish, any block that fell back would be marked
# xml:lang="en"; the source itself has that only on the root.
"$OPAS" merge -l fi -p "$tmp/en.po" -o "$tmp/merged.xml" "$srcdir/guide/guide.xml" || exit 1
if grep -q 'xml:lang="en"' "$tmp/merged.xml"; then
	echo "FAIL: $(grep -o 'xml:lang="en"' "$tmp/merged.xml" | wc -l) blocks fell back to English" >&2
	exit 1
fi
"$OPAS" extract -o "$tmp/again.pot" "$tmp/merged.xml" || exit 1
# Every entry after the header: its context and text.
messages() {
	sed '1,/^$/d' "$1" | grep -E '^(msgctxt|msgid|")'
}
messages "$srcdir/po/guide.pot" > "$tmp/a"
messages "$tmp/again.pot" > "$tmp/b"
if ! cmp -s "$tmp/a" "$tmp/b"; then
	diff -u "$tmp/a" "$tmp/b" | head -n 30
	echo "FAIL: round trip changed the messages" >&2
	exit 1
fi
echo "ok: round trip gives back all $(grep -c '^msgid' "$tmp/a") messages"
