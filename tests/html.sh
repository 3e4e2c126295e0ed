#!/bin/sh
# html.sh: the HTML editions of the guide in every language, checked by
# real validators: the Nu HTML checker (vnu-jar, Java) on every page
# with warnings as errors, every internal link and anchor (links.js),
# and axe-core in Debian's Chromium on the index and a chapter of en,
# ar and zh-CN (axe.js).  The validators come from tests/node (installed
# by ./bootstrap); without them the test fails rather than passes.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-html.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
nm="${NODE_PATH:-$srcdir/tests/node/node_modules}"
vnu="$nm/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$vnu" ] || [ ! -d "$nm/axe-core" ] || [ ! -x /usr/bin/chromium ]; then
	echo "FAIL: validators missing ($vnu, axe-core, /usr/bin/chromium); run ./bootstrap" >&2
	exit 99
fi
fail=0

(cd "$srcdir" && "$OPAS" build -f html --po-dir po -o "$tmp/out" guide/guide.xml) \
    > "$tmp/build.log" 2>&1
status=$?
cat "$tmp/build.log"
if [ "$status" -ne 0 ]; then
	echo "FAIL: opas build exited $status" >&2
	exit 1
fi
site="$tmp/out/html"
langs=$(sed 's/#.*//' "$srcdir/po/LINGUAS" | tr '_' '-')
for l in en $langs; do
	n=$(ls "$site/$l"/*.html 2>/dev/null | wc -l)
	if [ "$n" -lt 12 ]; then
		echo "FAIL: $l: only $n pages" >&2
		fail=1
	fi
	# The edition's language and direction on every page.
	dir=ltr
	case $l in ar|fa|ckb) dir=rtl ;; esac
	bad=$(grep -L "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"$l\" dir=\"$dir\">" \
	    "$site/$l"/*.html)
	if [ -n "$bad" ]; then
		echo "FAIL: $l: pages without lang=\"$l\" dir=\"$dir\": $bad" >&2
		fail=1
	fi
done
# Preview editions say so on every page; published ones do not.
for l in en $langs; do
	if grep -q 'class="preview"' "$site/$l/index.html"; then
		kind=preview
	else
		kind=published
	fi
	want=$(cd "$srcdir" && "$OPAS" stats guide/guide.xml 2>/dev/null |
	    awk -v l="$l" '$1 == l { print $NF }')
	[ "$l" = en ] && want=published
	if [ "$kind" != "$want" ]; then
		echo "FAIL: $l: pages say $kind, opas stats says $want" >&2
		fail=1
	elif [ "$kind" = preview ] &&
	    [ "$(grep -L 'class="preview"' "$site/$l"/*.html)" != "" ]; then
		echo "FAIL: $l: a preview page lacks the notice" >&2
		fail=1
	fi
done
echo "ok: every language has its pages with lang and dir; previews marked"

# Untranslated passages of a preview carry lang="en" dir="ltr".
if ! grep -q 'lang="en" dir="ltr" class="[^"]*untranslated' "$site/th/"*.html; then
	echo "FAIL: th: no untranslated passage marked lang=\"en\" dir=\"ltr\"" >&2
	fail=1
fi
# Phone numbers and addresses are isolated left-to-right in Arabic.
if ! grep -q '<a href="tel:112" dir="ltr"' "$site/ar/ch-health.html"; then
	echo "FAIL: ar: the emergency number is not isolated" >&2
	fail=1
fi

if ! java -jar "$vnu" --Werror $(find "$site" -name '*.html' | sort) \
    > "$tmp/vnu.log" 2>&1; then
	head -n 30 "$tmp/vnu.log"
	echo "FAIL: the Nu HTML checker found problems" >&2
	fail=1
else
	echo "ok: Nu HTML checker: $(find "$site" -name '*.html' | wc -l) pages, no errors or warnings"
fi

node "$srcdir/tests/node/links.js" "$site" || fail=1

node "$srcdir/tests/node/axe.js" "$site" index.html \
    en/index.html en/ch-health.html ar/index.html ar/ch-health.html \
    zh-CN/index.html zh-CN/ch-health.html th/ch-work.html
case $? in
0) ;;
99) echo "FAIL: axe could not run" >&2; fail=1 ;;
*) fail=1 ;;
esac
exit $fail
