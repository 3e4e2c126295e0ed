#!/bin/sh
# epub.sh: the EPUB books of the guide in every language.  epubcheck
# (Debian's, run with java -jar) must report 0 errors and 0 warnings for
# each; Ace by DAISY (tests/node, with Debian's Chromium, -E so that its
# exit status counts) must pass en, ar and zh-CN.  Each book has the
# language and direction of its edition in the package and on every
# document, the preview notice on the cover when below its threshold,
# and a container that follows OCF (mimetype first, stored, no extra
# field).  Two builds at different times, in different time zones and
# umasks, are identical byte for byte.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-epub.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
nm="${NODE_PATH:-$srcdir/tests/node/node_modules}"
jar=/usr/share/java/epubcheck.jar
ace="$nm/@daisy/ace-cli/bin/ace.js"
if [ ! -f "$jar" ] || [ ! -f "$ace" ] || [ ! -x /usr/bin/chromium ]; then
	echo "FAIL: validators missing ($jar, $ace, /usr/bin/chromium); run ./bootstrap" >&2
	exit 99
fi
fail=0

build() {	# DIR TZ UMASK
	(cd "$srcdir" && umask "$3" && TZ=$2 "$OPAS" build -f epub \
	    --po-dir po -o "$1" guide/guide.xml) > "$1.log" 2>&1
}
build "$tmp/a" UTC 022
status=$?
cat "$tmp/a.log"
if [ "$status" -ne 0 ]; then
	echo "FAIL: opas build -f epub exited $status" >&2
	exit 1
fi
sleep 1
build "$tmp/b" Asia/Tehran 077 || { echo "FAIL: second build" >&2; exit 1; }

langs="en $(sed 's/#.*//' "$srcdir/po/LINGUAS" | tr '_' '-')"
stats=$(cd "$srcdir" && "$OPAS" stats guide/guide.xml 2>/dev/null)
n=0
for l in $langs; do
	f="$tmp/a/epub/welcome-to-finland-$l.epub"
	if [ ! -f "$f" ]; then
		echo "FAIL: $l: no $f" >&2
		fail=1
		continue
	fi
	n=$((n + 1))
	if ! cmp -s "$f" "$tmp/b/epub/welcome-to-finland-$l.epub"; then
		echo "FAIL: $l: two builds differ" >&2
		fail=1
	fi

	# OCF: mimetype first, stored, without an extra field.
	first=$(unzip -Z1 "$f" | head -n 1)
	info=$(zipinfo -v "$f" mimetype)
	if [ "$first" != mimetype ] ||
	    ! printf '%s\n' "$info" | grep -q 'compression method: *none (stored)' ||
	    ! printf '%s\n' "$info" | grep -q 'length of extra field: *0 bytes'; then
		echo "FAIL: $l: mimetype is not first, stored and without extra field" >&2
		fail=1
	fi

	x="$tmp/x/$l"
	mkdir -p "$x"
	unzip -q "$f" -d "$x"
	dir=ltr
	case $l in ar|fa|ckb) dir=rtl ;; esac
	opf="$x/EPUB/package.opf"
	got=$(xmllint --xpath "concat(string(//*[local-name()='language']), ' ',
	    string(//*[local-name()='spine']/@page-progression-direction), ' ',
	    string(/*/@xml:lang), ' ', string(/*/@dir))" "$opf")
	if [ "$got" != "$l $dir $l $dir" ]; then
		echo "FAIL: $l: package says \"$got\", not \"$l $dir $l $dir\"" >&2
		fail=1
	fi
	for p in accessMode accessModeSufficient accessibilityFeature \
	    accessibilityHazard accessibilitySummary; do
		if ! grep -q "property=\"schema:$p\"" "$opf"; then
			echo "FAIL: $l: no schema:$p" >&2
			fail=1
		fi
	done
	for doc in "$x"/EPUB/*.xhtml; do
		got=$(xmllint --xpath "concat(/*/@lang, ' ', /*/@xml:lang, ' ',
		    /*/@dir)" "$doc")
		if [ "$got" != "$l $l $dir" ]; then
			echo "FAIL: $l: $(basename "$doc") has \"$got\", not \"$l $l $dir\"" >&2
			fail=1
		fi
	done

	# The preview notice on the cover exactly when opas stats says so.
	want=$(printf '%s\n' "$stats" | awk -v l="$l" '$1 == l { print $NF }')
	[ "$l" = en ] && want=published
	kind=published
	grep -q 'class="preview"' "$x/EPUB/cover.xhtml" && kind=preview
	if [ "$kind" != "$want" ]; then
		echo "FAIL: $l: the cover says $kind, opas stats says $want" >&2
		fail=1
	fi
done
[ "$n" -ge 12 ] || { echo "FAIL: only $n books" >&2; fail=1; }
echo "ok: $n books: reproducible, OCF container, language and direction, a11y metadata, preview notices"

# Untranslated passages in a preview book; isolated numbers in Arabic.
if ! grep -q 'xml:lang="en" lang="en" dir="ltr" class="[^"]*untranslated' \
    "$tmp/x/th/EPUB/"ch-*.xhtml; then
	echo "FAIL: th: no untranslated passage marked lang=\"en\" dir=\"ltr\"" >&2
	fail=1
fi
if ! grep -q '<a href="tel:112" dir="ltr"' "$tmp/x/ar/EPUB/ch-health.xhtml"; then
	echo "FAIL: ar: the emergency number is not isolated" >&2
	fail=1
fi

# epubcheck, two at a time (each JVM takes about half a gigabyte).  A
# truncated book first: the harness must see its errors.
head -c 20000 "$tmp/a/epub/welcome-to-finland-en.epub" > "$tmp/truncated.epub"
cat > "$tmp/check" <<'EOF'
#!/bin/sh
out=$(java -jar "$1" "$2" 2>&1)
if printf '%s\n' "$out" | grep -q '^Messages: 0 fatals / 0 errors / 0 warnings'; then
	echo "epubcheck ok: $(basename "$2")"
else
	printf '%s\n' "$out" | grep -E '^(FATAL|ERROR|WARNING)' | head -n 10
	echo "epubcheck FAILED: $(basename "$2")"
	exit 1
fi
EOF
if sh "$tmp/check" "$jar" "$tmp/truncated.epub" > /dev/null 2>&1; then
	echo "FAIL: epubcheck accepted a truncated book" >&2
	fail=1
fi
ls "$tmp"/a/epub/*.epub | xargs -n 1 -P 2 sh "$tmp/check" "$jar" || fail=1

# Ace by DAISY: accessibility, with Debian's Chromium.
for l in en ar zh-CN; do
	if PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium node "$ace" -f -s -E \
	    -o "$tmp/ace-$l" "$tmp/a/epub/welcome-to-finland-$l.epub" \
	    > "$tmp/ace-$l.log" 2>&1; then
		echo "ace ok: $l"
	else
		cat "$tmp/ace-$l.log"
		grep -o '"earl:outcome": *"[a-z]*"' "$tmp/ace-$l/report.json" 2>/dev/null | head -n 3
		echo "FAIL: Ace: $l" >&2
		fail=1
	fi
done
exit $fail
