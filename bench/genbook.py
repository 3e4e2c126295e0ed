#!/usr/bin/env python3
# genbook.py: the large book that make bench builds, and its
# pseudo-translations.  It writes DIR/book.xml, a DocBook 5 book in the
# guide's format (30 chapters of 4 sections with paragraphs, itemized
# and ordered lists, tables, notes, links, numbers and URLs), extracts
# its template with opas extract, and fills in DIR/po/LL.po for Finnish,
# Arabic, Simplified Chinese and Russian by rewriting each English
# message in the language's script, word for word, keeping every tag,
# placeholder, number, URL, e-mail address and literal as it was.  The
# words are not Finnish, Arabic, Chinese or Russian: they only look like
# them, so that hyphenation, Arabic joining, bidi, CJK line breaking and
# the fonts do their real work.  Everything is deterministic: the same
# book and catalogues on every run and every machine.
#
# Usage: genbook.py OPAS DIR
import hashlib
import os
import random
import re
import subprocess
import sys

CHAPTERS = 30
SECTIONS = 4
PARAS = 3           # paragraphs per section, besides lists, tables, notes
LANGS = ["fi", "ar", "zh_CN", "ru"]

# --- the English book -------------------------------------------------------

TOPICS = [
    "Arriving", "Registering", "Residence permits", "Work", "Taxes",
    "Housing", "Health care", "Family", "Day care", "School",
    "Higher education", "Language courses", "Social security",
    "Banking", "Transport", "Driving", "Consumer rights", "Safety",
    "Legal aid", "Equality", "Culture", "Sport", "Nature", "Religion",
    "Elections", "Citizenship", "Pensions", "Old age", "Moving abroad",
    "Emergencies",
]
ASPECTS = ["Before you start", "What you need", "How to apply",
           "When something goes wrong"]
AUTHORITIES = [
    ("the Finnish Immigration Service", "Migri", "https://migri.fi/en"),
    ("the Digital and Population Data Services Agency", "DVV",
     "https://dvv.fi/en"),
    ("Kela", "Kela", "https://www.kela.fi/web/en"),
    ("the Tax Administration", "Vero", "https://www.vero.fi/en"),
    ("the employment services", "TE", "https://toimistot.te-palvelut.fi"),
    ("the wellbeing services county", "HVA", "https://suomi.fi/frontpage"),
    ("the police", "Poliisi", "https://poliisi.fi/en"),
    ("the municipality", "InfoFinland", "https://www.infofinland.fi/en"),
]
SUBJECTS = ["You", "Your family", "Every resident", "A new employee",
            "A student", "The applicant", "Your employer", "A child",
            "Everyone who moves here", "A pensioner"]
VERBS = ["must register", "can apply", "should ask", "needs to book an "
         "appointment", "may receive support", "has to pay a fee",
         "can get advice", "must show an identity document",
         "should check the details", "can use an interpreter"]
OBJECTS = ["at the service point", "on the website", "by telephone",
           "in writing", "before the deadline", "within two weeks",
           "after moving", "in Finnish, Swedish or English",
           "with the right form", "free of charge"]
REASONS = ["because the rules change every year",
           "so that the decision is made quickly",
           "because the authority needs the original document",
           "so that you receive the letters",
           "because the service depends on your municipality",
           "if your situation has changed",
           "when you have lived here for a long time",
           "unless you have already done so"]
FACTS = ["The waiting time is usually between {n1} and {n2} weeks.",
         "The fee is {eur} euros, and you pay it when you apply.",
         "In {year}, about {big} people used this service.",
         "The telephone service answers on weekdays from {h1} to {h2}.",
         "You can call the service number {phone}.",
         "The form has {n1} pages and takes about {n2} minutes to fill "
         "in.",
         "A decision is valid for {n1} years from the date it is given."]
LISTINTRO = ["Bring these documents with you:", "Do it in this order:",
             "The service helps with these matters:",
             "Check at least the following:"]
ITEMS = ["your passport or identity card", "your residence permit card",
         "your employment contract", "your lease agreement",
         "a certificate of your marital status",
         "the birth certificates of your children",
         "your bank details", "a photo taken within six months",
         "your Finnish personal identity code",
         "the decision you received earlier",
         "a translation of any document that is not in Finnish, Swedish "
         "or English", "proof of your income for the last three months"]
STEPS = ["Fill in the application online.", "Book a time at a service "
         "point.", "Pay the processing fee.", "Visit the service point "
         "and prove your identity.", "Wait for the decision by post.",
         "Tell the authority if your address changes.",
         "Keep the decision in a safe place.",
         "Apply again before the permit expires."]
WORDS = ["the application", "the decision", "the fee", "the form",
         "the appointment", "the certificate", "the contract",
         "the benefit", "the allowance", "the permit"]


def gen_book(path):
    rnd = random.Random(2026)
    ids = ["ch%02d-s%d" % (c + 1, s + 1) for c in range(CHAPTERS)
           for s in range(SECTIONS)]

    def fact():
        return rnd.choice(FACTS).format(
            n1=rnd.randint(2, 9), n2=rnd.randint(10, 60),
            eur=rnd.choice(["40", "120", "380", "1 250"]),
            year=rnd.randint(2018, 2025),
            big="{:,}".format(rnd.randint(1000, 99999)).replace(",", " "),
            h1="%d.00" % rnd.randint(8, 10), h2="%d.00" % rnd.randint(15,
                                                                       17),
            phone="0295 %03d %03d" % (rnd.randint(100, 999),
                                      rnd.randint(100, 999)))

    def sentence(here):
        k = rnd.random()
        name, abbr, url = rnd.choice(AUTHORITIES)
        if k < 0.30:
            return "%s %s %s %s." % (rnd.choice(SUBJECTS), rnd.choice(VERBS),
                                     rnd.choice(OBJECTS),
                                     rnd.choice(REASONS))
        if k < 0.45:
            return fact()
        if k < 0.55:
            return ("Read more on the website of %s, "
                    "<link xlink:href=\"%s\">%s</link>." % (
                        name, url, url.split("//")[1].split("/")[0]))
        if k < 0.62:
            return ("The abbreviation <acronym>%s</acronym> is used for %s "
                    "in letters and forms." % (abbr, name))
        if k < 0.70:
            return ("Ask %s about <emphasis>%s</emphasis> %s." % (
                name, rnd.choice(WORDS).split(" ", 1)[1],
                rnd.choice(OBJECTS)))
        if k < 0.76:
            other = rnd.choice([i for i in ids if i != here])
            return "See also <xref linkend=\"%s\"/>." % other
        if k < 0.82:
            return ("On the form, write <literal>%s</literal> in the "
                    "field <quote>%s</quote>." % (
                        rnd.choice(["FI", "EU", "OTHER", "1", "2"]),
                        rnd.choice(["Citizenship", "Reason", "Type of "
                                    "move", "Language"])))
        if k < 0.88:
            return ("Questions can also be sent by e-mail to "
                    "<email>info@%s</email> or through "
                    "<uri>%s</uri>." % (url.split("//")[1].split("/")[0]
                                        .replace("www.", ""), url))
        return "%s %s %s." % (rnd.choice(SUBJECTS), rnd.choice(VERBS),
                              rnd.choice(OBJECTS))

    def para(here, n):
        return " ".join(sentence(here) for _ in range(n))

    o = []
    o.append('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<book xmlns="http://docbook.org/ns/docbook"\n'
             '      xmlns:xlink="http://www.w3.org/1999/xlink"\n'
             '      xml:id="bench-book" xml:lang="en" version="5.0">\n'
             '  <info>\n'
             '    <title>Living in Finland</title>\n'
             '    <subtitle>A large generated book for make bench'
             '</subtitle>\n'
             '    <edition>2026</edition>\n'
             '    <pubdate>2026-11-01</pubdate>\n'
             '    <biblioid class="other" otherclass="opas">'
             'opas-bench-book-2026</biblioid>\n'
             '    <author><orgname>The opas project</orgname></author>\n'
             '    <abstract><para>This book is generated by bench/genbook.py'
             ' to measure opas and its peers on a book of about 130 '
             'pages. Its text repeats itself on purpose.</para></abstract>\n'
             '  </info>\n')
    for c in range(CHAPTERS):
        cid = "ch%02d" % (c + 1)
        o.append('  <chapter xml:id="%s">\n    <title>%s</title>\n'
                 '    <para>%s</para>\n' % (cid, TOPICS[c],
                                           para(cid + "-s1", 3)))
        for s in range(SECTIONS):
            sid = "%s-s%d" % (cid, s + 1)
            o.append('    <section xml:id="%s">\n      <title>%s: %s'
                     '</title>\n' % (sid, TOPICS[c], ASPECTS[s]))
            for p in range(PARAS):
                o.append('      <para>%s</para>\n' % para(
                    sid, rnd.randint(2, 4)))
                if p == 0:
                    ordered = (c + s) % 2 == 1
                    tag = "orderedlist" if ordered else "itemizedlist"
                    pool = STEPS if ordered else ITEMS
                    o.append('      <para>%s</para>\n      <%s>\n' % (
                        rnd.choice(LISTINTRO), tag))
                    for item in rnd.sample(pool, 3):
                        o.append('        <listitem><para>%s</para>'
                                 '</listitem>\n' % (item[0].upper() +
                                                    item[1:]))
                    o.append('      </%s>\n' % tag)
                if p == PARAS - 1:
                    o.append('      <table frame="all">\n'
                             '        <title>%s: %s</title>\n'
                             '        <tgroup cols="3">\n'
                             '          <thead><row><entry>Service</entry>'
                             '<entry>Where</entry><entry>Telephone</entry>'
                             '</row></thead>\n          <tbody>\n' % (
                                 TOPICS[c], "contacts"))
                    for name, abbr, url in rnd.sample(AUTHORITIES, 3):
                        o.append('            <row><entry>%s</entry>'
                                 '<entry><link xlink:href="%s">%s</link>'
                                 '</entry><entry>0295 %03d %03d</entry>'
                                 '</row>\n' % (
                                     name[0].upper() + name[1:], url,
                                     url.split("//")[1].split("/")[0],
                                     rnd.randint(100, 999),
                                     rnd.randint(100, 999)))
                    o.append('          </tbody>\n        </tgroup>\n'
                             '      </table>\n')
                if p == 1 and s % 2 == 0:
                    kind = ["note", "tip", "important", "caution"][
                        (c + s) % 4]
                    o.append('      <%s>\n        <para>%s</para>\n'
                             '      </%s>\n' % (kind, para(sid, 2), kind))
            o.append('    </section>\n')
        o.append('  </chapter>\n')
    o.append('</book>\n')
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(o))


# --- pseudo-translation -----------------------------------------------------

def h(word, salt):
    return int.from_bytes(hashlib.md5((salt + word.lower()).encode())
                          .digest()[:4], "big")


def fi_word(w):
    n = h(w, "fi")
    back = n & 1
    vow = "aou" if back else "äöy"
    vow += "ei"
    cons = "klmnprstvhj"
    syl = max(1, min(5, (len(w) + 1) // 3))
    s = ""
    for i in range(syl):
        n //= 7
        c = cons[n % len(cons)]
        v = vow[(n // 11) % len(vow)]
        if (n // 5) % 4 == 0:
            v += v                      # a long vowel: maa, työö
        s += c + v
    s += ["", "n", "ssa" if back else "ssä", "lla" if back else "llä",
          "t", "sta" if back else "stä"][(n // 3) % 6]
    return s


RU = dict(zip("abcdefghijklmnopqrstuvwxyz",
              "абцдефгхийклмнопкрстувшксыз"))


def ru_word(w):
    s = "".join(RU.get(ch, ch) for ch in w.lower())
    return s + ["", "ой", "ать", "ие", "ы"][h(w, "ru") % 5]


AR = dict(zip("abcdefghijklmnopqrstuvwxyz",
              "ابكدىفغهيجكلمنوبقرستوفوكسيز"))
AR_JOIN = "بتثجحخسشصضطظعغفقكلمنهي"


def ar_word(w):
    s = "".join(AR.get(ch, ch) for ch in w.lower())
    n = h(w, "ar")
    # Several letters, most of them joining on both sides.
    s = AR_JOIN[n % len(AR_JOIN)] + s + AR_JOIN[(n // 31) % len(AR_JOIN)]
    if len(w) <= 3:
        s = "ال" + s
    return s


HAN = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成"
       "会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部"
       "度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开"
       "它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反"
       "你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立")


def zh_word(w):
    n = h(w, "zh")
    k = 1 + (len(w) > 3) + (len(w) > 7)
    return "".join(HAN[(n >> (9 * i)) % len(HAN)] for i in range(k))


WORDFN = {"fi": fi_word, "ru": ru_word, "ar": ar_word, "zh_CN": zh_word}
KEEP = {"literal", "uri", "email", "date", "acronym", "abbrev"}
TOKEN = re.compile(r"<[^>]*>|&[^;]+;|[^<&]+")
WORD = re.compile(r"[A-Za-z][A-Za-z']*")


# URLs, e-mail addresses and domain names stay as they are.
VERBATIM = re.compile(r"https?://\S+|[\w.-]+@[\w.-]+|"
                      r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\b")


def translate_text(text, lang):
    out = []
    pos = 0
    for m in VERBATIM.finditer(text):
        out.append(translate_words(text[pos:m.start()], lang))
        out.append(m.group(0))
        pos = m.end()
    out.append(translate_words(text[pos:], lang))
    return "".join(out)


def translate_words(text, lang):
    fn = WORDFN[lang]
    out = []
    pos = 0
    last_word = False
    for m in WORD.finditer(text):
        gap = text[pos:m.start()]
        if lang == "zh_CN":
            gap = (gap.replace(". ", "。").replace(", ", "，")
                   .replace(": ", "：").replace("; ", "；"))
            if gap == " " and last_word:
                gap = ""
        elif lang == "ar":
            gap = gap.replace(",", "،").replace("?", "؟").replace(";", "؛")
        out.append(gap)
        w = fn(m.group(0))
        if lang in ("fi", "ru") and m.group(0)[0].isupper():
            w = w[0].upper() + w[1:]
        out.append(w)
        pos = m.end()
        last_word = True
    tail = text[pos:]
    if lang == "zh_CN" and last_word:
        tail = re.sub(r"^\.", "。", re.sub(r"^,", "，", re.sub(r"^:", "：",
                                                            tail)))
    elif lang == "ar":
        tail = tail.replace(",", "،").replace("?", "؟")
    out.append(tail)
    return "".join(out)


def translate(msgid, lang):
    out = []
    keep = 0
    for tok in TOKEN.findall(msgid):
        if tok.startswith("<"):
            m = re.match(r"<(/?)([A-Za-z_:][-\w.:]*)", tok)
            if m and m.group(2) in KEEP and not tok.endswith("/>"):
                keep += -1 if m.group(1) else 1
            out.append(tok)
        elif tok.startswith("&") or keep > 0:
            out.append(tok)
        else:
            out.append(translate_text(tok, lang))
    return "".join(out)


# --- PO files ---------------------------------------------------------------

def po_unquote(s):
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(
        m.group(1), m.group(1)), s)


def po_quote(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = s.split("\n")
    parts = [x + "\\n" for x in lines[:-1]] + ([lines[-1]] if lines[-1]
                                                else [])
    if len(parts) == 1:
        return '"%s"' % parts[0]
    return '""\n' + "\n".join('"%s"' % p for p in parts)


def read_pot(path):
    """The entries of a POT that opas extract wrote: (comments, ctxt, id)."""
    entries, cur, key = [], None, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#") or not line.strip():
            if cur is not None and key == "msgstr":
                entries.append(cur)
                cur, key = None, None
            if line.startswith("#") and not line.startswith("#~"):
                cur = cur or {"comments": [], "msgctxt": None, "msgid": ""}
                cur["comments"].append(line)
            continue
        m = re.match(r'(msgctxt|msgid|msgstr)\s+"(.*)"$', line)
        if m:
            cur = cur or {"comments": [], "msgctxt": None, "msgid": ""}
            key = m.group(1)
            if key != "msgstr":
                cur[key] = po_unquote(m.group(2))
        elif line.startswith('"') and key in ("msgctxt", "msgid"):
            cur[key] += po_unquote(line[1:-1])
    if cur is not None and key == "msgstr":
        entries.append(cur)
    return entries


PLURAL = {
    "fi": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
          "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
          "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
    "zh_CN": "nplurals=1; plural=0;",
}


def write_po(entries, lang, path):
    o = ["# Pseudo-translation of the make bench book (bench/genbook.py).",
         "# Not %s: English words rewritten in its script." % lang,
         'msgid ""', 'msgstr ""',
         '"Project-Id-Version: opas bench book 2026\\n"',
         '"POT-Creation-Date: 2026-11-01 00:00+0000\\n"',
         '"PO-Revision-Date: 2026-11-01 00:00+0000\\n"',
         '"Last-Translator: bench/genbook.py\\n"',
         '"Language-Team: none\\n"',
         '"Language: %s\\n"' % lang,
         '"MIME-Version: 1.0\\n"',
         '"Content-Type: text/plain; charset=UTF-8\\n"',
         '"Content-Transfer-Encoding: 8bit\\n"',
         '"Plural-Forms: %s\\n"' % PLURAL[lang], ""]
    for e in entries:
        if e["msgid"] == "":
            continue
        o.extend(c for c in e["comments"] if c.startswith(("#.", "#:")))
        if e["msgctxt"] is not None:
            o.append("msgctxt " + po_quote(e["msgctxt"]))
        o.append("msgid " + po_quote(e["msgid"]))
        o.append("msgstr " + po_quote(translate(e["msgid"], lang)))
        o.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(o))


def main():
    opas, out = sys.argv[1:3]
    os.makedirs(os.path.join(out, "po"), exist_ok=True)
    book = os.path.join(out, "book.xml")
    gen_book(book)
    pot = os.path.join(out, "po", "book.pot")
    # From DIR, so that the references read book.xml:LINE.
    subprocess.run([os.path.abspath(opas), "extract", "-o", "po/book.pot",
                    "book.xml"], cwd=out, check=True)
    entries = read_pot(pot)
    for lang in LANGS:
        write_po(entries, lang, os.path.join(out, "po", lang + ".po"))
    with open(os.path.join(out, "po", "LINGUAS"), "w") as f:
        f.write("\n".join(LANGS) + "\n")
    with open(os.path.join(out, "po", "thresholds"), "w") as f:
        f.write("default 100\n")
    print("%s: %d chapters, %d sections, %d KB; %d messages in %s" % (
        book, CHAPTERS, CHAPTERS * SECTIONS, os.path.getsize(book) // 1024,
        len([e for e in entries if e["msgid"]]), ", ".join(
            "po/%s.po" % l for l in LANGS)))


if __name__ == "__main__":
    main()
