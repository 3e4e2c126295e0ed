#!/bin/sh
# cli.sh: the command line: --help, --version, every subcommand's --help,
# usage errors; opas build --jobs: a PDF made by a helper process gives
# the same files, messages in the same order and the same exit status.
: "${OPAS:=../src/opas}"
fail=0

expect() {	# expect DESCRIPTION STATUS PATTERN CMD...
	desc=$1 want=$2 pat=$3
	shift 3
	out=$("$@" 2>&1)
	status=$?
	if [ "$status" -ne "$want" ] || ! printf '%s\n' "$out" | grep -q -- "$pat"; then
		echo "FAIL: $desc: exit $status (want $want), output:" >&2
		printf '%s\n' "$out" | head -n 20 >&2
		fail=1
	else
		echo "ok: $desc"
	fi
}

expect "opas --help" 0 "^Usage: opas" "$OPAS" --help
expect "opas --version" 0 "^opas [0-9]" "$OPAS" --version
expect "opas with no command" 64 "^Usage: opas" "$OPAS"
expect "unknown command" 64 "unknown command 'frobnicate'" "$OPAS" frobnicate
for cmd in extract merge build stats check dist verify; do
	expect "opas $cmd --help" 0 "^Usage: opas $cmd" "$OPAS" "$cmd" --help
	expect "opas --help lists $cmd" 0 "^  $cmd " "$OPAS" --help
done
expect "dist without a key" 64 "give the signing key with -k" "$OPAS" dist
expect "verify without a path" 64 "name a release folder or a package" "$OPAS" verify
expect "verify of a missing path" 2 "nope: error: cannot read this file" "$OPAS" verify nope
expect "check without SOURCE" 64 "no SOURCE given" "$OPAS" check
expect "check with a bad option" 64 "Try 'opas check --help'" "$OPAS" check --bogus x.xml
expect "check of a missing file" 2 "nope.xml: error: cannot read this file" "$OPAS" check nope.xml
expect "options may follow SOURCE" 0 "" "$OPAS" check "${srcdir:-.}/tests/reader/valid.xml" --schema "${srcdir:-.}/guide/schema/guide.rng"

# -o to a pipe or device writes into it and leaves it a pipe (a rename
# over /dev/null would replace the device with a file).
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-cli.XXXXXX") || exit 99
mkfifo "$tmp/fifo" || exit 99
cat "$tmp/fifo" > "$tmp/got" &
"$OPAS" extract -o "$tmp/fifo" "${srcdir:-.}/tests/reader/valid.xml"
wait
if [ ! -p "$tmp/fifo" ] || ! grep -q '^msgid' "$tmp/got"; then
	echo "FAIL: -o FIFO: the pipe was replaced or got nothing" >&2
	fail=1
else
	echo "ok: -o FIFO writes into the pipe"
fi

# build -j1 and -j2 of a book whose PDF has something to say (only the
# helper process that makes the PDF sees it): the same files, the same
# lines in the same order (but the times), the same exit status.
expect "build --jobs=0" 64 "needs a number of 1 or more" "$OPAS" build -j0 x.xml
hostile="$(cd "${srcdir:-.}/tests/pdf" && pwd)/hostile.xml"
for j in 1 2; do
	(cd "$tmp" && "$OPAS" build -j$j -f html,epub,pdf -o "out$j" \
	    "$hostile" > "stdout$j" 2> "log$j"; echo "exit $?" >> "log$j")
	# Standard output, then error: each in its order.
	sed -e "s|out$j|OUT|g" -e 's/[0-9.]* s\(,\|$\)/T s\1/' \
	    "$tmp/stdout$j" "$tmp/log$j" > "$tmp/log$j.cmp"
done
if ! diff -r "$tmp/out1" "$tmp/out2" > /dev/null; then
	echo "FAIL: build -j2 wrote other files than -j1" >&2
	fail=1
elif ! diff -u "$tmp/log1.cmp" "$tmp/log2.cmp" >&2; then
	echo "FAIL: build -j2 said other things than -j1" >&2
	fail=1
elif ! grep -q "^exit 1" "$tmp/log2.cmp" ||
    ! grep -q "warning" "$tmp/log2.cmp"; then
	cat "$tmp/log2.cmp" >&2
	echo "FAIL: build -j2 lost the PDF's warnings or exit status" >&2
	fail=1
else
	echo "ok: build -j2 writes and says what -j1 does"
fi
# build -j2 reads a language's catalogue in a child process (po.c); a
# catalogue with broken translations (fi.po) or in the wrong encoding
# (latin1.po) gives the same diagnostics, files and status as -j1.
merge="$(cd "${srcdir:-.}/tests/merge" && pwd)"
for po in fi latin1; do
	for j in 1 2; do
		(cd "$tmp" && "$OPAS" build -j$j -f html,pdf -l fi \
		    -p "$merge/$po.po" -o "$po$j" "$merge/book.xml" \
		    > "$po.stdout$j" 2> "$po.log$j"; echo "exit $?" >> "$po.log$j")
		sed -e "s|$po$j|OUT|g" -e 's/[0-9.]* s\(,\|$\)/T s\1/' \
		    "$tmp/$po.stdout$j" "$tmp/$po.log$j" > "$tmp/$po.cmp$j"
	done
	if ! diff -r "$tmp/${po}1" "$tmp/${po}2" > /dev/null 2>&1 &&
	    [ -e "$tmp/${po}1" -o -e "$tmp/${po}2" ]; then
		echo "FAIL: build -j2 with $po.po wrote other files than -j1" >&2
		fail=1
	elif ! diff -u "$tmp/$po.cmp1" "$tmp/$po.cmp2" >&2; then
		echo "FAIL: build -j2 with $po.po said other things than -j1" >&2
		fail=1
	elif ! grep -q "$po.po:[0-9]" "$tmp/$po.cmp2" ||
	    grep -q "^exit 0" "$tmp/$po.cmp2"; then
		cat "$tmp/$po.cmp2" >&2
		echo "FAIL: build -j2 with $po.po lost its diagnostics" >&2
		fail=1
	else
		echo "ok: build -j2 with $po.po says what -j1 does"
	fi
done
rm -rf "$tmp"
exit $fail
