#!/usr/bin/env python3
"""entitled.py MANIFEST STATS RELEASE: every package in RELEASE holds
exactly the editions its authority is entitled to by MANIFEST
(dist/authorities.xml), less the languages STATS (out/stats.json) says
are not published, plus README.txt, SHA256SUMS, SHA256SUMS.minisig and
minisign.pub; and manifest.json agrees.  Written independently of opas:
it reads the manifest itself."""
import json
import os
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = "{urn:x-opas:authorities}"
BOOK, EDITION = "welcome-to-finland", "2026"


def expected(auth, held):
    files, html = set(), set()
    for el in auth:
        if el.tag == NS + "receive":
            for lang in el.get("languages").split():
                if lang in held:
                    continue
                for fmt in el.get("formats").split():
                    if fmt == "pdf":
                        files.add("pdf/%s-%s.pdf" % (BOOK, lang))
                    elif fmt == "epub":
                        files.add("epub/%s-%s.epub" % (BOOK, lang))
                    else:
                        html.add(lang)
        elif el.tag == NS + "print":
            lang = el.get("language")
            if lang not in held:
                files.add("pdf/%s-%s-a4.pdf" % (BOOK, lang))
    return files, html


def main():
    manifest, stats, release = sys.argv[1:4]
    held = {l["lang"] for l in json.load(open(stats))["languages"]
            if not l["published"]}
    rel = json.load(open(os.path.join(release, "manifest.json")))
    relpkgs = {a["id"]: a for a in rel["authorities"]}
    bad = 0
    auths = ET.parse(manifest).getroot().findall(NS + "authority")
    if len(auths) != len(relpkgs):
        print("manifest.json has %d authorities, the manifest %d"
              % (len(relpkgs), len(auths)), file=sys.stderr)
        bad += 1
    for auth in auths:
        aid = auth.get("id")
        files, html = expected(auth, held)
        top = "%s-%s-%s/" % (BOOK, EDITION, aid)
        path = os.path.join(release, aid, top[:-1] + ".zip")
        if not files and not html:
            if os.path.exists(path):
                print("%s: a package although nothing is due" % aid,
                      file=sys.stderr)
                bad += 1
            continue
        names = zipfile.ZipFile(path).namelist()
        got, gothtml = set(), set()
        for n in names:
            if not n.startswith(top):
                print("%s: %s is outside %s" % (aid, n, top), file=sys.stderr)
                bad += 1
                continue
            n = n[len(top):]
            if n in ("README.txt", "SHA256SUMS", "SHA256SUMS.minisig",
                     "minisign.pub"):
                continue
            if n.startswith("html/"):
                part = n.split("/")
                if n == "html/opas.css":
                    continue
                gothtml.add(part[1])
                continue
            got.add(n)
        if got != files or gothtml != html:
            print("%s: has %s + html %s, entitled to %s + html %s"
                  % (aid, sorted(got), sorted(gothtml), sorted(files),
                     sorted(html)), file=sys.stderr)
            bad += 1
        if html and top + "html/opas.css" not in names:
            print("%s: html/opas.css is missing" % aid, file=sys.stderr)
            bad += 1
        for lang in html:
            if top + "html/%s/index.html" % lang not in names:
                print("%s: html/%s/index.html is missing" % (aid, lang),
                      file=sys.stderr)
                bad += 1
        eds = {(e["lang"], e["format"]) for e in relpkgs[aid]["editions"]}
        want = {(f.split("-", 3)[-1].split(".")[0].replace("-a4", ""),
                 "print" if f.endswith("-a4.pdf") else f.split("/")[0])
                for f in files} | {(l, "html") for l in html}
        if eds != want:
            print("%s: manifest.json lists %s, entitled to %s"
                  % (aid, sorted(eds), sorted(want)), file=sys.stderr)
            bad += 1
    sys.exit(1 if bad else 0)


main()
