#!/bin/sh
# man-diagnostics.sh: every message in src/base/msg.def is documented in
# the DIAGNOSTICS section of opas.1, with printf conversions written "...".
: "${srcdir:=.}"
def="$srcdir/src/base/msg.def"
man="$srcdir/opas.1"
fail=0
sed -n 's/^MSG([A-Z0-9_]*,[^,]*,[[:space:]]*N_("\(.*\)")).*/\1/p' "$def" |
sed 's/\\"/"/g; s/%[0-9]*z*[sdu]/.../g; s/^\.\.\. *//' > msgs.tmp
n=0
while IFS= read -r text; do
	n=$((n + 1))
	[ -z "$text" ] && continue
	if ! grep -F -q -- "$text" "$man"; then
		echo "FAIL: not in opas.1: $text" >&2
		fail=1
	fi
done < msgs.tmp
rm -f msgs.tmp
[ "$n" -gt 10 ] || { echo "FAIL: only $n messages found in $def" >&2; fail=1; }
echo "checked $n messages"
exit $fail
