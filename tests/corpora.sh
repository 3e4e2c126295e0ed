#!/bin/sh
# corpora.sh: opas extract cuts a real itstool-translated DocBook 5 book
# (tests/corpus/opensuse) into exactly the messages itstool makes.  Two
# deliberate differences are folded before comparing: opas keeps U+00A0
# NO-BREAK SPACE where itstool writes a space, and opas writes no
# translator-credits entry.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
dir="$srcdir/tests/corpus/opensuse"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-corpora.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
(cd "$dir" && "$OPAS" extract xml/release-notes.xml) > "$tmp/opas.pot" || exit 1
msgids() {
	msgcat --no-location --no-wrap --sort-output "$1" |
	grep -E '^msg(ctxt|id) ' | grep -v -e '^msgctxt "_"' -e '^msgid "translator-credits"' |
	sed 's/\xc2\xa0/ /g' | sort
}
msgids "$tmp/opas.pot" > "$tmp/a"
msgids "$dir/release-notes.itstool.pot" > "$tmp/b"
if ! cmp -s "$tmp/a" "$tmp/b"; then
	diff -u "$tmp/b" "$tmp/a" | head -n 40
	echo "FAIL: opas extract and itstool disagree on the opensuse messages" >&2
	exit 1
fi
echo "ok: opensuse: the same $(grep -c '^msgid' "$tmp/a") messages as itstool"

# Merging the translators' catalogues: everything they translate is used;
# only the 4 source strings added after their last update fall back.
for l in ar ja; do
	(cd "$dir" && "$OPAS" merge -p "po/$l.po" xml/release-notes.xml) \
		> "$tmp/$l.xml" 2> "$tmp/$l.err"
	status=$?
	fallback=$(grep -o 'xml:lang="en"' "$tmp/$l.xml" | wc -l)
	if [ "$status" -ne 0 ] || [ "$fallback" -ne 4 ] ||
	   ! grep -q "xml:lang=\"$l\"" "$tmp/$l.xml"; then
		cat "$tmp/$l.err" >&2
		echo "FAIL: opensuse $l: exit $status, $fallback blocks fell back (want 4)" >&2
		exit 1
	fi
	echo "ok: opensuse $l: merged, 4 new source strings fall back"
	xsltproc "$srcdir/tests/blocks.xsl" "$tmp/$l.xml" > "$tmp/$l.blocks" &&
	xsltproc "$srcdir/tests/blocks.xsl" \
	    "$dir/reference-merged/release-notes.$l.xml" > "$tmp/$l.ref" ||
		exit 99
	if ! cmp -s "$tmp/$l.ref" "$tmp/$l.blocks"; then
		diff -u "$tmp/$l.ref" "$tmp/$l.blocks" | head -n 40
		echo "FAIL: opensuse $l: the text differs from itstool's merge" >&2
		exit 1
	fi
	echo "ok: opensuse $l: the same text as itstool, $(wc -l < "$tmp/$l.ref") blocks"
done
