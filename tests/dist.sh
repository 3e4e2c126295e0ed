#!/bin/sh
# dist.sh: the signed release for the authorities (opas dist, verify,
# dist status/record).  A release is built from the editions make wrote
# into out/, with a fresh key, and checked with stock tools: sha256sum -c
# and minisign -V on the release and inside a package, unzip; every
# package holds exactly its entitled editions (entitled.py, from
# dist/authorities.xml and out/stats.json); index.html passes the Nu
# HTML checker and axe-core, feed.atom is well-formed; a tampered package, a
# tampered manifest, a changed file inside a package, a missing file and
# a wrong key are each caught by opas verify, which names the file; two
# builds are byte-identical; a failed run leaves the previous release;
# the manifest checks of opas check -m point at the right lines.
: "${OPAS:=../src/opas}" "${srcdir:=.}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/opas-dist.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
nm="${NODE_PATH:-$srcdir/tests/node/node_modules}"
vnu="$nm/vnu-jar/build/dist/vnu.jar"
for tool in minisign sha256sum unzip python3 java xmllint; do
	if ! command -v $tool > /dev/null; then
		echo "FAIL: $tool is missing; run ./bootstrap" >&2
		exit 99
	fi
done
[ -f "$vnu" ] || { echo "FAIL: $vnu is missing; run ./bootstrap" >&2; exit 99; }
for f in out/stats.json out/pdf/welcome-to-finland-fi-a4.pdf \
    out/epub/welcome-to-finland-fi.epub out/html/fi/index.html; do
	[ -f "$f" ] || { echo "FAIL: $f is missing; run make first" >&2; exit 99; }
done

ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1" >&2; fail=1; }

# expect DESCRIPTION STATUS PATTERN CMD...: the exit status and a line.
expect() {
	desc=$1 want=$2 pat=$3
	shift 3
	out=$("$@" 2>&1)
	status=$?
	if [ "$status" -ne "$want" ] || ! printf '%s\n' "$out" | grep -q -- "$pat"; then
		echo "FAIL: $desc: exit $status (want $want), output:" >&2
		printf '%s\n' "$out" | head -n 20 >&2
		fail=1
	else
		ok "$desc"
	fi
}

manifest="$srcdir/dist/authorities.xml"
dist() {	# dist OUTDIR [more options]: a release from out/
	o=$1
	shift
	"$OPAS" dist -m "$manifest" -e out -k "$tmp/key/opas.key" \
	    --po-dir "$srcdir/po" -o "$o" "$@" "$srcdir/guide/guide.xml"
}

mkdir "$tmp/key" "$tmp/other"
expect "dist keygen makes a key pair" 0 "opas.pub (public" \
    "$OPAS" dist keygen "$tmp/key/opas.key"
expect "dist keygen never overwrites a key" 2 "already exists" \
    "$OPAS" dist keygen "$tmp/key/opas.key"
[ "$(stat -c %a "$tmp/key/opas.key")" = 600 ] && ok "the secret key is mode 0600" ||
    bad "the secret key is not mode 0600"
"$OPAS" dist keygen "$tmp/other/other.key" > /dev/null || bad "second keygen"

expect "dist builds the release" 0 "32 packages for 32 authorities" \
    dist "$tmp/rel/dist"
rel="$tmp/rel/dist"
for f in manifest.json SHA256SUMS SHA256SUMS.minisig index.html feed.atom \
    minisign.pub; do
	[ -f "$rel/$f" ] || bad "$f is missing from the release"
done
ls -d "$tmp/rel/"*tmp* > /dev/null 2>&1 && bad "a temporary folder was left"

# Stock tools: sha256sum -c and minisign -V on the release.
if (cd "$rel" && sha256sum --quiet -c SHA256SUMS); then
	ok "sha256sum -c accepts the release"
else
	bad "sha256sum -c rejects the release"
fi
if minisign -q -Vm "$rel/SHA256SUMS" -p "$tmp/key/opas.pub"; then
	ok "minisign -V verifies SHA256SUMS with the publisher's key"
else
	bad "minisign -V rejects SHA256SUMS"
fi
cmp -s "$rel/minisign.pub" "$tmp/key/opas.pub" && ok "minisign.pub is the key's" ||
    bad "minisign.pub differs from the key's public key"
n=$(find "$rel" -type f | grep -c -v 'SHA256SUMS')
listed=$(wc -l < "$rel/SHA256SUMS")
[ "$n" -eq "$listed" ] && ok "SHA256SUMS lists every file ($n)" ||
    bad "SHA256SUMS lists $listed of $n files"

# Inside a package: unzip, then the same stock tools in its folder.
pkg="$rel/migri-helsinki/welcome-to-finland-2026-migri-helsinki.zip"
if unzip -q -d "$tmp/unz" "$pkg" &&
    (cd "$tmp/unz/welcome-to-finland-2026-migri-helsinki" &&
    sha256sum --quiet -c SHA256SUMS &&
    minisign -q -Vm SHA256SUMS -p "$tmp/key/opas.pub"); then
	ok "an unpacked package passes sha256sum -c and minisign -V"
else
	bad "an unpacked package fails sha256sum -c or minisign -V"
fi
grep -q 'Maahanmuuttovirasto, Helsingin palvelupiste' \
    "$tmp/unz/welcome-to-finland-2026-migri-helsinki/README.txt" &&
grep -q 'Migrationsverket' "$tmp/unz/welcome-to-finland-2026-migri-helsinki/README.txt" &&
grep -q 'Finnish Immigration Service' "$tmp/unz/welcome-to-finland-2026-migri-helsinki/README.txt" &&
    ok "README.txt names the authority in Finnish, Swedish and English" ||
    bad "README.txt lacks the authority's names"
unzip -Z -v "$pkg" | grep -q 'file system or operating system of origin:      Unix' ||
    bad "zip entries are not marked as made on Unix"
if unzip -Z1 "$pkg" | grep -v '^welcome-to-finland-2026-migri-helsinki/' | grep -q .; then
	bad "a package entry is outside its top folder"
else
	ok "every package entry is inside one top folder"
fi

# Entitlement: each package holds exactly what the manifest gives.
if python3 "$srcdir/tests/dist/entitled.py" "$manifest" out/stats.json "$rel"; then
	ok "every package holds exactly its entitled editions"
else
	bad "a package does not hold exactly its entitled editions"
fi

# The portal: valid HTML, a well-formed Atom feed.
if java -jar "$vnu" --Werror "$rel/index.html" 2> "$tmp/vnu.log"; then
	ok "index.html passes the Nu HTML checker"
else
	bad "index.html fails the Nu HTML checker"
	head -n 20 "$tmp/vnu.log" >&2
fi
node "$srcdir/tests/node/axe.js" "$rel" index.html > "$tmp/axe.log" 2>&1
case $? in
0) ok "axe-core finds no violations in index.html" ;;
*) bad "axe-core on index.html"; tail -n 20 "$tmp/axe.log" >&2 ;;
esac
xmllint --noout "$rel/feed.atom" && ok "feed.atom is well-formed" ||
    bad "feed.atom is not well-formed"

# opas verify: good, then each kind of damage, each named.
expect "verify accepts the release" 0 "good signature" \
    "$OPAS" verify -p "$tmp/key/opas.pub" "$rel"
expect "verify accepts a package file" 0 "good signature" \
    "$OPAS" verify -p "$tmp/key/opas.pub" "$pkg"
expect "verify accepts an unpacked package" 0 "good signature" \
    "$OPAS" verify "$tmp/unz/welcome-to-finland-2026-migri-helsinki"
expect "verify without -p says whose key it trusted" 0 \
    "came with the release itself" "$OPAS" verify "$rel"

cp -r "$rel" "$tmp/t1"
t1pkg="$tmp/t1/dvv-turku/welcome-to-finland-2026-dvv-turku.zip"
size=$(stat -c %s "$t1pkg")
printf 'X' | dd of="$t1pkg" bs=1 seek=$((size / 2)) conv=notrunc 2> /dev/null
expect "verify names a tampered package" 2 \
    "dvv-turku/welcome-to-finland-2026-dvv-turku.zip: error: the checksum does not match" \
    "$OPAS" verify -p "$tmp/key/opas.pub" "$tmp/t1"

cp -r "$rel" "$tmp/t2"
sed 's/"edition": "2026"/"edition": "2027"/' "$rel/manifest.json" > "$tmp/t2/manifest.json"
cmp -s "$rel/manifest.json" "$tmp/t2/manifest.json" && bad "the manifest was not changed"
expect "verify names a tampered manifest" 2 \
    "t2/manifest.json: error: the checksum does not match" \
    "$OPAS" verify -p "$tmp/key/opas.pub" "$tmp/t2"

expect "verify rejects a wrong key" 2 \
    "SHA256SUMS.minisig: error: the signature is not valid: it was made with another key" \
    "$OPAS" verify -p "$tmp/other/other.pub" "$rel"

cp -r "$rel" "$tmp/t3"
sed 's/^[0-9a-f]\{8\}/00000000/' "$rel/SHA256SUMS" > "$tmp/t3/SHA256SUMS"
expect "verify rejects a changed SHA256SUMS" 2 \
    "error: the signature is not valid: the signature does not match the file" \
    "$OPAS" verify -p "$tmp/key/opas.pub" "$tmp/t3"

cp -r "$rel" "$tmp/t4"
rm "$tmp/t4/embassy-hanoi/welcome-to-finland-2026-embassy-hanoi.zip"
expect "verify names a missing package" 2 \
    "embassy-hanoi/welcome-to-finland-2026-embassy-hanoi.zip: error: this file is listed in SHA256SUMS but is missing" \
    "$OPAS" verify -p "$tmp/key/opas.pub" "$tmp/t4"

# A changed file inside a package that is still a good zip.
python3 - "$pkg" "$tmp/t5.zip" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w") as zo:
    for info in zi.infolist():
        data = zi.read(info)
        if info.filename.endswith("/epub/welcome-to-finland-fi.epub"):
            data = data[:-1] + bytes([data[-1] ^ 1])
        zo.writestr(info, data)
PY
expect "verify names a changed file inside a package" 2 \
    "t5.zip:welcome-to-finland-2026-migri-helsinki/epub/welcome-to-finland-fi.epub: error: the checksum does not match" \
    "$OPAS" verify -p "$tmp/key/opas.pub" "$tmp/t5.zip"

# Reproducible: another run, another time zone and umask, same bytes.
sleep 1
(umask 077; TZ=Pacific/Kiritimati dist "$tmp/rel2/dist" > /dev/null 2>&1)
if diff -r "$rel" "$tmp/rel2/dist" > "$tmp/diff.log"; then
	ok "two builds of the release are byte-identical"
else
	bad "two builds of the release differ"
	head -n 10 "$tmp/diff.log" >&2
fi

# A failed run publishes nothing and leaves the previous release.
(cd "$rel" && find . -type f -exec sha256sum {} + | sort) > "$tmp/before"
mkdir "$tmp/empty"
expect "dist with the editions missing fails" 2 \
    "this edition file is missing" \
    "$OPAS" dist -m "$manifest" -e "$tmp/empty" -k "$tmp/key/opas.key" \
    --po-dir "$srcdir/po" -o "$rel" "$srcdir/guide/guide.xml"
(cd "$rel" && find . -type f -exec sha256sum {} + | sort) > "$tmp/after"
cmp -s "$tmp/before" "$tmp/after" && ok "the previous release is unchanged" ||
    bad "a failed run changed the previous release"
ls -d "$tmp/rel/"*tmp* > /dev/null 2>&1 && bad "a failed run left a temporary folder"
mkdir -p "$tmp/notrel" && echo keep > "$tmp/notrel/keep.txt"
expect "dist refuses to replace a folder that is not a release" 2 \
    "this directory exists and is not an opas release" dist "$tmp/notrel"
[ "$(cat "$tmp/notrel/keep.txt")" = keep ] && ok "the other folder is untouched" ||
    bad "the other folder was changed"

# A development key: the release says so everywhere.
"$OPAS" dist keygen --dev "$tmp/key/dev.key" > /dev/null
expect "a development key gives a loud warning" 1 \
    "THIS RELEASE IS SIGNED WITH A DEVELOPMENT KEY" \
    "$OPAS" dist -m "$manifest" -e out -k "$tmp/key/dev.key" \
    --po-dir "$srcdir/po" -o "$tmp/devrel" "$srcdir/guide/guide.xml"
grep -q 'signed with a development key' "$tmp/devrel/index.html" &&
grep -q '"development_key": true' "$tmp/devrel/manifest.json" &&
    ok "index.html and manifest.json say it is a development key" ||
    bad "the development key is not marked in the release"

# Delivery record and status.
rec="$tmp/deliveries"
expect "status before any delivery" 0 "32 of 32 authorities are out of date, 32 never got" \
    "$OPAS" dist status -m "$manifest" -r "$rec" -o "$rel" "$srcdir/guide/guide.xml"
expect "record a delivery" 0 "dvv-turku: 2026 sent on 2026-11-20" \
    "$OPAS" dist record -m "$manifest" -r "$rec" -o "$rel" --date 2026-11-20 dvv-turku 2026
grep -q "^dvv-turku  *2026  *2026-11-20  *$(sha256sum "$rel/dvv-turku/"*.zip | cut -c1-64)\$" "$rec" &&
    ok "the record holds the package's SHA-256" || bad "the record line is wrong"
expect "status after it" 0 "^dvv-turku .*up to date" \
    "$OPAS" dist status -m "$manifest" -r "$rec" -o "$rel" "$srcdir/guide/guide.xml"
sed 's/^\(dvv-turku  *\)2026 /\12025 /' "$rec" > "$tmp/rec2"
expect "status of an older edition" 0 "^dvv-turku .*out of date: edition 2026 is current" \
    "$OPAS" dist status -m "$manifest" -r "$tmp/rec2" -o "$rel" "$srcdir/guide/guide.xml"
sed 's/  [0-9a-f]\{8\}/  00000000/' "$rec" > "$tmp/rec3"
expect "status of a package that changed since" 0 "^dvv-turku .*changed since it was sent" \
    "$OPAS" dist status -m "$manifest" -r "$tmp/rec3" -o "$rel" "$srcdir/guide/guide.xml"
expect "record of an unknown authority" 2 'no authority "nobody"' \
    "$OPAS" dist record -m "$manifest" -r "$rec" -o "$rel" nobody 2026
echo "garbage line" >> "$tmp/rec3"
expect "a broken record line is named" 2 "rec3:5: error: this line is not" \
    "$OPAS" dist status -m "$manifest" -r "$tmp/rec3" -o "$rel" "$srcdir/guide/guide.xml"

# opas check -m: the schema, ids, languages, editions, print rights.
man_case() {	# man_case NAME: a manifest with one authority, body on stdin
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<authorities xmlns="urn:x-opas:authorities">'
		cat
		echo '</authorities>'
	} > "$tmp/$1.xml"
}
auth() {	# auth ID TYPE: an authority's opening and names (4 lines)
	echo "<authority id=\"$1\" type=\"$2\" municipality=\"091\">"
	echo '<name xml:lang="fi">Testi</name><name xml:lang="sv">Test</name>'
	echo '<name xml:lang="en">Test</name>'
	echo '<email>test@example.fi</email>'
}
{ auth ok municipality; echo '<receive languages="fi ar" formats="pdf html"/></authority>'; } |
    man_case good
expect "check -m accepts a good manifest" 0 "" \
    "$OPAS" check --po-dir "$srcdir/po" -m "$tmp/good.xml" "$srcdir/guide/guide.xml"
expect "check -m accepts the project's manifest" 0 "" \
    "$OPAS" check --po-dir "$srcdir/po" -m "$manifest" "$srcdir/guide/guide.xml"
{ auth ../etc municipality; echo '<receive languages="fi" formats="pdf"/></authority>'; } |
    man_case escape
expect "an id that escapes the folder is refused" 2 \
    "escape.xml:3: error: .*authorities.rng" \
    "$OPAS" check -m "$tmp/escape.xml" "$srcdir/guide/guide.xml"
{ auth twice municipality; echo '<receive languages="fi" formats="pdf"/></authority>'
  auth twice municipality; echo '<receive languages="sv" formats="pdf"/></authority>'; } |
    man_case dup
expect "a duplicate id is named with both lines" 2 \
    "dup.xml:8: error: the authority id \"twice\" is already used at .*dup.xml:3" \
    "$OPAS" check -m "$tmp/dup.xml" "$srcdir/guide/guide.xml"
{ auth unknown municipality; echo '<receive languages="fi xx" formats="pdf"/></authority>'; } |
    man_case unknown
expect "an unknown language is named" 2 \
    "unknown.xml:7: error: unknown language \"xx\"" \
    "$OPAS" check -m "$tmp/unknown.xml" "$srcdir/guide/guide.xml"
{ auth noed municipality; echo '<receive languages="ja" formats="pdf"/></authority>'; } |
    man_case noed
expect "an edition that does not exist is named" 2 \
    "noed.xml:7: error: there is no Japanese edition (ja)" \
    "$OPAS" check --po-dir "$srcdir/po" -m "$tmp/noed.xml" "$srcdir/guide/guide.xml"
{ auth twice municipality; echo '<receive languages="fi" formats="pdf"/>'
  echo '<receive languages="sv fi" formats="html pdf"/></authority>'; } |
    man_case dupeds
expect "the same edition twice is named" 2 \
    "dupeds.xml:8: error: the fi pdf edition is already listed for this authority at .*dupeds.xml:7" \
    "$OPAS" check -m "$tmp/dupeds.xml" "$srcdir/guide/guide.xml"
{ auth town municipality; echo '<print language="fi" copies="10"/></authority>'; } |
    man_case print
expect "print for a municipality is refused" 2 \
    "print.xml:7: error: \"town\" is a municipality, which does not hand out the printed guide" \
    "$OPAS" check -m "$tmp/print.xml" "$srcdir/guide/guide.xml"
# A key made by minisign itself (no password) signs for opas too.
if (cd "$tmp/other" && minisign -G -W -p m.pub -s m.key < /dev/null > /dev/null) &&
    "$OPAS" dist -m "$tmp/good.xml" -e out -k "$tmp/other/m.key" \
    --po-dir "$srcdir/po" -o "$tmp/mrel" "$srcdir/guide/guide.xml" > /dev/null 2>&1 &&
    minisign -q -Vm "$tmp/mrel/SHA256SUMS" -p "$tmp/other/m.pub" &&
    "$OPAS" verify -p "$tmp/other/m.pub" "$tmp/mrel" > /dev/null 2>&1; then
	ok "a key made by minisign -G -W signs a release both verify"
else
	bad "a key made by minisign -G -W does not work"
fi

expect "dist refuses a bad manifest and writes nothing" 2 "already used at" \
    "$OPAS" dist -m "$tmp/dup.xml" -e out -k "$tmp/key/opas.key" \
    --po-dir "$srcdir/po" -o "$tmp/badrel" "$srcdir/guide/guide.xml"
[ -e "$tmp/badrel" ] && bad "a refused manifest still wrote a release"

exit $fail
