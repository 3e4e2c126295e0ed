#!/bin/sh
# reader/generated.sh: hostile reader inputs too big or too machine-specific
# to keep as files: 100,000 nested elements, a 20 MB text node, and symbolic
# links that point out of the source tree.  Each must be refused quickly
# with its diagnostic and exit status 2.
: "${OPAS:=../src/opas}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-reader.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0

expect() {	# expect NAME STATUS PATTERN FILE
	out=$("$OPAS" check "$4" 2>&1 >/dev/null)
	status=$?
	if [ "$status" -ne "$2" ] || ! printf '%s\n' "$out" | grep -q -- "$3"; then
		echo "FAIL: $1: exit $status (want $2), output:" >&2
		printf '%s\n' "$out" >&2
		fail=1
	else
		echo "ok: $1: $(printf '%s\n' "$out" | head -n 1)"
	fi
}

awk 'BEGIN {
	printf "<book xmlns=\"http://docbook.org/ns/docbook\"><info><title>t</title></info><chapter><title>c</title>"
	for (i = 0; i < 100000; i++) printf "<section>"
	for (i = 0; i < 100000; i++) printf "</section>"
	print "</chapter></book>"
}' > "$tmp/deep.xml"
expect "100,000 nested elements" 2 "deep.xml:1:[0-9]*: error: elements are nested deeper than 256 levels" "$tmp/deep.xml"

mkdir "$tmp/tree"
ln -s /etc/passwd "$tmp/tree/chapter.xml"
printf '%s\n' '<book xmlns="http://docbook.org/ns/docbook" xmlns:xi="http://www.w3.org/2001/XInclude">' \
	'<info><title>t</title></info>' \
	'<xi:include href="chapter.xml" parse="text"/></book>' > "$tmp/tree/symlink.xml"
expect "symbolic link to /etc/passwd" 2 "symlink.xml:3: error: refusing to read .*chapter.xml" "$tmp/tree/symlink.xml"

ln -s / "$tmp/tree/up"
printf '%s\n' '<!DOCTYPE book [<!ENTITY p SYSTEM "up/etc/passwd">]>' \
	'<book xmlns="http://docbook.org/ns/docbook"><info><title>&p;</title></info>' \
	'<chapter><title>c</title><para>x</para></chapter></book>' > "$tmp/tree/symdir.xml"
expect "entity through a symbolic link to /" 2 "symdir.xml:2:[0-9]*: error: refusing to read" "$tmp/tree/symdir.xml"

awk 'BEGIN {
	printf "<book xmlns=\"http://docbook.org/ns/docbook\"><info><title>t</title></info><chapter><title>c</title><para>"
	for (i = 0; i < 2000000; i++) printf "0123456789"
	print "</para></chapter></book>"
}' > "$tmp/long.xml"
expect "a 20 MB text node" 2 "long.xml:1:[0-9]*: error:" "$tmp/long.xml"

exit $fail
