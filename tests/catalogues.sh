#!/bin/sh
# catalogues.sh: every catalogue in po/ passes msgfmt -c and merges into
# the guide without a single rejected translation (broken markup, lost
# placeholder, bad link): what translators commit must build cleanly.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
fail=0 n=0
for po in "$srcdir"/po/*.po; do
	[ -f "$po" ] || continue
	n=$((n + 1))
	if ! msgfmt -c -o /dev/null "$po"; then
		echo "FAIL: msgfmt -c rejects $po" >&2
		fail=1
		continue
	fi
	out=$("$OPAS" merge -p "$po" -o /dev/null "$srcdir/guide/guide.xml" 2>&1)
	status=$?
	if [ "$status" -ne 0 ]; then
		printf '%s\n' "$out" | head -n 20 >&2
		echo "FAIL: $po: opas merge exit $status" >&2
		fail=1
	else
		echo "ok: $po: $(msgfmt --statistics -o /dev/null "$po" 2>&1)"
	fi
done
echo "checked $n catalogues"
exit $fail
