#!/bin/sh
# corpus-handbook.sh: a real Publican book (tests/corpus/debian-handbook,
# DocBook 4.5, one catalogue per source file).  Merging the Japanese
# catalogues gives the same text, block by block, as Publican's own
# merge; the fuzzy entries of the Chinese catalogues are not used.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
dir="$srcdir/tests/corpus/debian-handbook"
src="$dir/en-US/debian-handbook-sample.xml"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-handbook.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

blocks() {
	xsltproc --nonet --xinclude "$srcdir/tests/blocks.xsl" "$1" \
	    2>/dev/null > "$2" && [ -s "$2" ] || exit 99
}

"$OPAS" merge -p "$dir/ja-JP" -l ja -o "$tmp/ja.xml" "$src" 2> "$tmp/ja.err"
status=$?
if [ "$status" -ne 0 ]; then
	cat "$tmp/ja.err" >&2
	echo "FAIL: handbook ja: exit $status" >&2
	exit 1
fi
blocks "$tmp/ja.xml" "$tmp/ja.blocks"
blocks "$dir/reference-merged/ja-JP/debian-handbook-sample.xml" "$tmp/ja.ref"
if ! cmp -s "$tmp/ja.ref" "$tmp/ja.blocks"; then
	diff -u "$tmp/ja.ref" "$tmp/ja.blocks" | head -n 40
	echo "FAIL: handbook ja: the text differs from Publican's merge" >&2
	exit 1
fi
echo "ok: handbook ja: the same text as Publican, $(wc -l < "$tmp/ja.ref") blocks"

# The same files given one by one merge the same.
set --
for f in "$dir"/ja-JP/*.po; do set -- "$@" -p "$f"; done
"$OPAS" merge "$@" -l ja -o "$tmp/ja2.xml" "$src" 2>/dev/null
if ! cmp -s "$tmp/ja.xml" "$tmp/ja2.xml"; then
	echo "FAIL: handbook ja: -p DIR and -p FILE... differ" >&2
	exit 1
fi
echo "ok: handbook ja: -p DIR is -p FILE for each file"

# zh-CN: dropping the fuzzy entries changes nothing; clearing their
# fuzzy mark does (so the entries are real and would show).
mkdir "$tmp/nofuzzy" "$tmp/cleared" || exit 99
for f in "$dir"/zh-CN/*.po; do
	b=$(basename "$f")
	msgattrib --no-fuzzy -o "$tmp/nofuzzy/$b" "$f" &&
	msgattrib --clear-fuzzy -o "$tmp/cleared/$b" "$f" || exit 99
done
for v in zh nofuzzy cleared; do
	case $v in zh) p="$dir/zh-CN" ;; *) p="$tmp/$v" ;; esac
	"$OPAS" merge -p "$p" -l zh-CN -o "$tmp/$v.xml" "$src" 2>/dev/null
done
if ! cmp -s "$tmp/zh.xml" "$tmp/nofuzzy.xml"; then
	diff "$tmp/zh.xml" "$tmp/nofuzzy.xml" | head -n 20
	echo "FAIL: handbook zh-CN: fuzzy entries were used" >&2
	exit 1
fi
if cmp -s "$tmp/zh.xml" "$tmp/cleared.xml"; then
	echo "FAIL: handbook zh-CN: the fuzzy entries change nothing even when cleared" >&2
	exit 1
fi
n=0
for f in "$dir"/zh-CN/*.po; do
	n=$((n + $(msgattrib --only-fuzzy --no-obsolete "$f" | grep -c '^msgid')))
done
echo "ok: handbook zh-CN: $n fuzzy entries not used"
