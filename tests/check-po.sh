#!/bin/sh
# check-po.sh: opas check lints catalogues: msgfmt's checks (through
# libgettextpo) and every translation's markup, at the PO line.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
out=$(cd "$srcdir/tests/merge" && "$OPAS" check -p fi.po book.xml 2>&1)
status=$?
fail=0
for want in "fi.po: warning: header field 'Last-Translator' missing in header" \
	"fi.po:16: error: the translation lacks the placeholder <_:indexterm-1/>" \
	"fi.po:22: error: the link target \"c9\" does not exist" \
	"fi.po:25: error: the translation is not well-formed XML" \
	"fi.po:32: error: the translation uses <script>" \
	"fi.po:35: error: the link address \"javascript:alert(1)\" is not allowed"; do
	printf '%s\n' "$out" | grep -F -q -- "$want" || {
		echo "FAIL: missing: $want" >&2; fail=1; }
done
[ "$status" -eq 1 ] || { echo "FAIL: exit $status, want 1" >&2; fail=1; }
# Invalid UTF-8: opas reads valid files byte by byte (po.c), so this
# must still be caught, at libgettextpo's line and column.
out=$(cd "$srcdir/tests/merge" && "$OPAS" check -p latin1.po book.xml 2>&1)
status=$?
want="latin1.po:15:15: error: invalid multibyte sequence"
printf '%s\n' "$out" | grep -F -q -- "$want" || {
	echo "FAIL: missing: $want" >&2; fail=1; }
[ "$status" -eq 2 ] || { echo "FAIL: latin1.po: exit $status, want 2" >&2; fail=1; }
out=$("$OPAS" check --po-dir "$srcdir/po" "$srcdir/guide/guide.xml" 2>&1)
status=$?
if [ "$status" -ne 0 ]; then
	printf '%s\n' "$out" | head -n 20 >&2
	echo "FAIL: opas check --po-dir po: exit $status" >&2
	fail=1
fi
[ "$fail" -eq 0 ] && echo "ok: opas check lints catalogues"
exit $fail
