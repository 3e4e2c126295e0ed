# toc-check.py: the contents of a book's text rendering (opas build -f
# pdf-text) point at the right pages: for every entry "TITLE | N", the
# page whose footer says N has every word of TITLE on it.  Hyphens and
# the " | " gap marks are ignored, so wrapped lines still match.
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
pages = [p.split("\n", 1)[1] if "\n" in p else ""
         for p in text.split("=== page ")[1:]]


def norm(s):
    return re.sub(r"[\s\-|\u00ad]", "", s)


entries = []
for p in pages[:10]:
    for line in p.splitlines():
        m = re.match(r"^(.*\S)\s+\|\s+(\d+)$", line) or \
            re.match(r"^(\d+)\s+\|\s+(.*\S)$", line)
        if m:
            a, b = m.group(1), m.group(2)
            title, n = (a, b) if b.isdigit() else (b, a)
            entries.append((title, int(n)))
footer = {}
for i, p in enumerate(pages):
    lines = [l.strip() for l in p.splitlines() if l.strip()]
    # The footer: the number, maybe with the preview mark beside it.
    m = re.search(r"^(\d+)\b|\b(\d+)$", lines[-1]) if lines else None
    if m:
        footer.setdefault(int(m.group(1) or m.group(2)), i)
bad = 0
for title, n in entries:
    i = footer.get(n)
    # Word by word: a right-to-left heading that wraps is drawn in
    # visual order, line by line, so only its words keep their form.
    if i is None or any(norm(w) not in norm(pages[i])
                        for w in title.split()):
        print("contents entry %r says page %d, which does not have it"
              % (title, n))
        bad += 1
if len(entries) < 10:
    print("only %d contents entries found" % len(entries))
    bad += 1
print("%d contents entries, %d wrong" % (len(entries), bad))
sys.exit(1 if bad else 0)
