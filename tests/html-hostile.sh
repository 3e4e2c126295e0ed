#!/bin/sh
# html-hostile.sh: a catalogue that tries to inject a script element, an
# event handler, a style and javascript: links, and a source with a
# javascript: link and a handler of its own, give HTML pages with none
# of them; text that looks like markup is escaped, not interpreted.
# A stylesheet that writes a file or reads the network is refused.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
dir="$srcdir/tests/html"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-hostile.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
"$OPAS" build -l fi -p "$dir/hostile.po" -o "$tmp" "$dir/hostile.xml" \
    > "$tmp/log" 2>&1
status=$?
if [ "$status" -ne 1 ] || [ ! -f "$tmp/html/fi/c1.html" ]; then
	cat "$tmp/log" >&2
	echo "FAIL: build exited $status (want 1: broken translations fall back)" >&2
	exit 1
fi
pages="$tmp/html/fi/index.html $tmp/html/fi/c1.html"
if grep -i -n -e '<script' -e ' on[a-z]*=' -e 'javascript:' -e ' style=' $pages; then
	echo "FAIL: script, handler, style or javascript: reached the HTML" >&2
	fail=1
fi
if ! grep -q 'tekstiä: &lt;script&gt;alert(1)&lt;/script&gt; &amp; "lainaus"' \
    "$tmp/html/fi/c1.html"; then
	grep -n 'Tagit' "$tmp/html/fi/c1.html" >&2
	echo "FAIL: text that looks like markup was not escaped" >&2
	fail=1
fi
# Each refusal was reported at its catalogue line.
for line in 11 14 17 20 23 26; do
	if ! grep -q "hostile.po:$line: " "$tmp/log"; then
		echo "FAIL: nothing reported at hostile.po:$line" >&2
		fail=1
	fi
done

# A stylesheet may not write files or read from the network: the build
# fails at the stylesheet's line and writes nothing for the page.
abs=$(cd "$dir" && pwd)
(cd "$tmp" && "$OPAS" build -l en --stylesheet "$abs/writer.xsl" -o w \
    "$abs/hostile.xml") > "$tmp/w.log" 2>&1
status=$?
if [ "$status" -ne 2 ] || [ -e "$tmp/written-by-stylesheet.txt" ] ||
    [ -e "$tmp/w/html/en/index.html" ] ||
    ! grep -q "writer.xsl:10: error: .*127.0.0.1.*refused" "$tmp/w.log"; then
	cat "$tmp/w.log" >&2
	echo "FAIL: a stylesheet wrote a file or read the network (exit $status)" >&2
	fail=1
fi
[ "$fail" -eq 0 ] && echo "ok: hostile catalogue, source and stylesheet: no script, handler, javascript:, file or network access"
exit $fail
