#!/bin/sh
# guide.sh: the guide passes "opas check" without a single message, and
# validates against the official DocBook 5.0 schema (package docbook5-xml)
# once the ITS 2.0 attributes that DocBook 5.0 predates are removed.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
rng=${DOCBOOK5_RNG:-/usr/share/xml/docbook/schema/rng/5.0/docbook.rng}
fail=0

out=$("$OPAS" check "$srcdir/guide/guide.xml" 2>&1)
status=$?
if [ "$status" -ne 0 ] || [ -n "$out" ]; then
	echo "FAIL: opas check guide/guide.xml: exit $status" >&2
	printf '%s\n' "$out" >&2
	fail=1
else
	echo "ok: opas check guide/guide.xml"
fi

if [ ! -f "$rng" ]; then
	echo "FAIL: $rng missing: install docbook5-xml (./bootstrap does)" >&2
	exit 1
fi
if xsltproc --nonet --xinclude "$srcdir/tests/strip-its.xsl" \
	"$srcdir/guide/guide.xml" > guide-noits.tmp &&
   xmllint --noout --nonet --relaxng "$rng" guide-noits.tmp; then
	echo "ok: guide/guide.xml is valid DocBook 5.0"
else
	echo "FAIL: guide/guide.xml is not valid DocBook 5.0" >&2
	fail=1
fi
rm -f guide-noits.tmp
exit $fail
