#!/usr/bin/env python3
# bench.py: what make bench prints.  Figures are from this machine, in
# this run; nothing here is a stored number.
#
#  1. Every edition of the guide built with opas, one language and format
#     at a time: wall time, CPU time (user + system of the child and its
#     children) and peak memory (the child's rusage, from wait4), the size
#     of what it wrote and the pages of each PDF.
#  2. The whole guide with make -j2, and again after touching po/fi.po:
#     only Finnish and the language chooser are rebuilt.
#  3. A large generated book (bench/genbook.py: 30 chapters x 4 sections,
#     about 130 A5 pages) and its pseudo-translations into Finnish,
#     Arabic, Chinese and Russian, every edition built with opas.
#  4. The same sources through the usual free chain of DocBook tools:
#     msgfmt + itstool for the translated XML, xsltproc with DocBook
#     XSL-NS for chunked HTML (html/chunk.xsl), EPUB 3 (epub3/chunk.xsl,
#     then zip) and XSL-FO (fo/docbook.xsl, A5), Apache FOP for the PDF.
#     FOP is given the fonts it needs to do opas's job: with its default
#     configuration it has only the PDF base fonts and prints "#" for
#     every Arabic and Chinese character.  The configuration (fop.xconf,
#     written by this script) names DejaVu Sans, Noto Sans Arabic (FOP
#     leaves Noto Naskh Arabic unjoined) and WenQuanYi Zen Hei, the
#     italic and bold faces FOP asks for included, and the stylesheet
#     parameters list them as the font families.  Every step is measured
#     like opas, and the table gives opas/peer ratios.
#
# As root, missing peers are installed with apt-get (nothing else is
# downloaded); what cannot be installed is skipped, and the output says
# so.  Environment: BENCH_REPEAT (runs per measurement, median taken;
# default 3), BENCH_PEER_LANGS (default "fi ar"), BENCH_KEEP=1 (keep the
# temporary directory with every output and log).  In the comparison
# with the peers (4.), opas's runs, a tenth of a second each, are
# measured at least SHORT_REPEAT times: on a shared machine one slow run
# in three moves the median of so short a run by a fifth, and the
# peers' runs, seconds long, even such noise out themselves.
#
# Usage: bench.py OPAS SRCDIR BUILDDIR
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

opas, srcdir, builddir = sys.argv[1:4]
here = os.path.dirname(os.path.abspath(__file__))
REPEAT = max(1, int(os.environ.get("BENCH_REPEAT", "3")))
SHORT_REPEAT = max(REPEAT, 9)
PEER_LANGS = os.environ.get("BENCH_PEER_LANGS", "fi ar").split()
DBX = "/usr/share/xml/docbook/stylesheet/docbook-xsl-ns"
BOOK_LANGS = ["en", "fi", "ar", "zh-CN", "ru"]
WALL_TARGET, RSS_TARGET, MAKE_TARGET = 50.0, 100.0, 5.0

guide_langs = ["en"] + [l.strip().replace("_", "-")
                        for l in open(os.path.join(srcdir, "po", "LINGUAS"))
                        if l.strip() and not l.startswith("#")]


class Run:
    """One measured command (or a chain of them: times add, memory is
    the largest)."""

    def __init__(self, rc=0, wall=0.0, cpu=0.0, rss=0.0):
        self.rc, self.wall, self.cpu, self.rss = rc, wall, cpu, rss

    def __add__(self, o):
        return Run(self.rc or o.rc, self.wall + o.wall, self.cpu + o.cpu,
                   max(self.rss, o.rss))


def run1(argv, cwd, log=None, env=None):
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(cwd)
            fd = os.open(log or os.devnull,
                         os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            if env is None:
                os.execvp(argv[0], argv)
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    wall = time.monotonic() - t0
    return Run(os.waitstatus_to_exitcode(status), wall,
               ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0)


def median_run(runs):
    """The run of median wall time, with the peak memory of all."""
    runs = sorted(runs, key=lambda r: r.wall)
    m = runs[(len(runs) - 1) // 2]
    return Run(max(r.rc for r in runs), m.wall, m.cpu,
               max(r.rss for r in runs))


def measure(argv, cwd, log=None, env=None, repeat=None):
    return median_run([run1(argv, cwd, log, env)
                       for _ in range(repeat or REPEAT)])


def size(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(d, f))
                   for d, _, fs in os.walk(path) for f in fs)
    return os.path.getsize(path) if os.path.exists(path) else 0


def pdf_pages(path):
    if not shutil.which("pdfinfo") or not os.path.exists(path):
        return ""
    info = subprocess.run(["pdfinfo", path], capture_output=True,
                          text=True).stdout
    return next((x.split()[-1] for x in info.splitlines()
                 if x.startswith("Pages:")), "")


def first_line(argv):
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        return (r.stdout or r.stderr).strip().split("\n")[0]
    except (OSError, subprocess.SubprocessError):
        return "?"


def deb_version(pkg):
    r = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", pkg],
                       capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else None


def machine():
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = 0
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal:"):
            mem = int(line.split()[1]) / 1024.0 / 1024.0
    deb = "?"
    if os.path.exists("/etc/debian_version"):
        deb = open("/etc/debian_version").read().strip()
    load = os.getloadavg()[0]
    return ("%s, %d cores, %.0f GiB RAM, Debian %s; load average %.2f "
            "at start" % (cpu, os.cpu_count(), mem, deb, load))


def ratio(a, b):
    return "%6.3f" % (a / b) if b > 0 else "     -"


def faster(a, b):
    return "%5.0f×" % (b / a) if a > 0 else "    -"


print("make bench: opas %s, %s" % (
    first_line([opas, "--version"]).split()[-1],
    datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")))
print(machine())
print("Each figure is %s.  wall: elapsed seconds; cpu: "
      "user+system seconds" % ("the median of %d runs" % REPEAT
                               if REPEAT > 1 else "from one run"))
print("of the process and its children; MB: peak resident memory (wait4 "
      "rusage).")
worst_rss = [0.0, ""]


def note_rss(r, what):
    if r.rss > worst_rss[0]:
        worst_rss[0], worst_rss[1] = r.rss, what


def editions_table(title, src, podir, langs, out, prefix):
    print()
    print(title)
    print("%-6s %-5s %8s %8s %8s %9s %6s" % (
        "lang", "fmt", "wall s", "cpu s", "MB", "size KB", "pages"))
    slow = 0.0
    for l in langs:
        for fmt in ("html", "epub", "pdf"):
            argv = [opas, "build", "-f", fmt, "-l", l, "--po-dir", podir,
                    "-o", out, src]
            r = measure(argv, os.path.dirname(src))
            if fmt == "html":
                what = os.path.join(out, "html", l)
            else:
                what = os.path.join(out, fmt, "%s-%s.%s" % (prefix, l, fmt))
            pages = pdf_pages(what) if fmt == "pdf" else ""
            print("%-6s %-5s %8.3f %8.3f %8.1f %9.1f %6s%s" % (
                l, fmt, r.wall, r.cpu, r.rss, size(what) / 1024.0, pages,
                "" if r.rc in (0, 1) else "  (exit %d)" % r.rc))
            slow = max(slow, r.wall)
            note_rss(r, "%s %s" % (l, fmt))
    return slow


tmp = tempfile.mkdtemp(prefix="opas-bench.")
t_start = time.monotonic()

# --- 1. the guide -----------------------------------------------------------

guide = os.path.join(srcdir, "guide", "guide.xml")
slow = editions_table("1. The guide with opas, one edition at a time",
                      guide, os.path.join(srcdir, "po"), guide_langs,
                      os.path.join(tmp, "guide"), "welcome-to-finland")
print("slowest edition %.3f s, most memory %.1f MB (%s)" % (
    slow, worst_rss[0], worst_rss[1]))

# --- 2. make -j2 ------------------------------------------------------------

make_full = None
if os.path.exists(os.path.join(builddir, "Makefile")):
    print()
    print("2. The whole guide with make -j2 (%d languages x html, epub, "
          "pdf, the chooser, stats)" % len(guide_langs))
    fulls = []
    for _ in range(REPEAT):
        subprocess.run(["make", "-C", builddir, "clean-out"],
                       capture_output=True)
        fulls.append(run1(["make", "-C", builddir, "-j2"], builddir))
    make_full = median_run(fulls)
    po = os.path.join(srcdir, "po", "fi.po")
    os.utime(po)
    log = os.path.join(tmp, "make-again.log")
    again = run1(["make", "-C", builddir, "-j2"], builddir, log)
    built = sorted(set(" ".join(x.split()[:2])
                       for x in open(log, encoding="utf-8", errors="replace")
                       if x.startswith("  ") and len(x.split()) > 1
                       and x.split()[0] in ("html", "epub", "pdf", "stats")))
    only_fi = set(built) == {"html fi", "epub fi", "pdf fi", "html *",
                             "stats out/stats.json"}
    print("make -j2, everything from clean: %.2f s wall, %.2f s cpu "
          "(target under %.0f s: %s)" % (
              make_full.wall, make_full.cpu, MAKE_TARGET,
              "met" if make_full.wall < MAKE_TARGET else "MISSED"))
    print("after touching po/fi.po: %.2f s, rebuilt: %s" % (
        again.wall, ", ".join(built) or "nothing"))
    print("(only Finnish, the chooser and the statistics: %s)" % (
        "yes" if only_fi else "NO"))

# --- 3. the large book ------------------------------------------------------

bookdir = os.path.join(tmp, "book")
print()
r = subprocess.run([sys.executable, os.path.join(here, "genbook.py"), opas,
                    bookdir], capture_output=True, text=True)
if r.returncode != 0:
    sys.exit("bench: genbook.py failed:\n" + r.stdout + r.stderr)
book = os.path.join(bookdir, "book.xml")
bookpo = os.path.join(bookdir, "po")
ck = run1([opas, "check", "--po-dir", bookpo, book], bookdir,
          os.path.join(tmp, "book-check.log"))
print("3. The large book: %s" % r.stdout.strip().replace(bookdir + "/", ""))
print("   opas check: %s" % ("accepted" if ck.rc == 0 else
                            "exit %d, see %s" % (ck.rc, "book-check.log")))
rss_before = worst_rss[0]
editions_table("   every edition with opas", book, bookpo, BOOK_LANGS,
               os.path.join(tmp, "book-out"), "bench-book")

# --- 4. the peers -----------------------------------------------------------

PEER_NEEDS = [("xsltproc", "xsltproc"), ("itstool", "itstool"),
              ("msgfmt", "gettext"), ("fop", "fop"), ("zip", "zip"),
              ("xmllint", "libxml2-utils"),
              (DBX + "/html/chunk.xsl", "docbook-xsl-ns")]


def have(what):
    return os.path.exists(what) if what.startswith("/") else \
        shutil.which(what) is not None


def install_peers():
    missing = sorted(set(p for w, p in PEER_NEEDS if not have(w)))
    if not missing:
        return []
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return missing
    print("   installing with apt-get: %s" % " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    cmd = ["apt-get", "install", "-y", "-q", "--no-install-recommends"]
    log = os.path.join(tmp, "apt-get.log")
    if run1(cmd + missing, "/", log, env).rc != 0:
        run1(["apt-get", "update", "-q"], "/", log, env)
        run1(cmd + missing, "/", log, env)
    return sorted(set(p for w, p in PEER_NEEDS if not have(w)))


def count(path, needle):
    if not os.path.exists(path):
        return 0
    with open(path, encoding="utf-8", errors="replace") as f:
        return sum(1 for line in f if needle in line)


FONTS = "/usr/share/fonts/truetype"
FOP_FONTS = [
    # (family, file, sub-font, [(style, weight), ...])
    ("DejaVu Sans", "dejavu/DejaVuSans.ttf", None, [("normal", "normal")]),
    ("DejaVu Sans", "dejavu/DejaVuSans-Bold.ttf", None, [("normal", "bold")]),
    ("DejaVu Sans", "dejavu/DejaVuSans-Oblique.ttf", None,
     [("italic", "normal")]),
    ("DejaVu Sans", "dejavu/DejaVuSans-BoldOblique.ttf", None,
     [("italic", "bold")]),
    ("DejaVu Sans Mono", "dejavu/DejaVuSansMono.ttf", None,
     [("normal", "normal"), ("italic", "normal")]),
    ("DejaVu Sans Mono", "dejavu/DejaVuSansMono-Bold.ttf", None,
     [("normal", "bold"), ("italic", "bold")]),
    ("Noto Sans Arabic", "noto/NotoSansArabic-Regular.ttf", None,
     [("normal", "normal"), ("italic", "normal")]),
    ("Noto Sans Arabic", "noto/NotoSansArabic-Bold.ttf", None,
     [("normal", "bold"), ("italic", "bold")]),
    ("WenQuanYi Zen Hei", "wqy/wqy-zenhei.ttc", "WenQuanYi Zen Hei",
     [("normal", "normal"), ("italic", "normal"), ("normal", "bold"),
      ("italic", "bold")]),
]
FOP_FAMILY = "DejaVu Sans,Noto Sans Arabic,WenQuanYi Zen Hei"


def fop_conf(path):
    """fop.xconf with the fonts above; the families that are missing
    are left out (and FOP prints # for their characters)."""
    lines = ['<fop version="1.0"><renderers>'
             '<renderer mime="application/pdf"><fonts>']
    for fam, f, sub, triplets in FOP_FONTS:
        fp = os.path.join(FONTS, f)
        if not os.path.exists(fp):
            continue
        lines.append('<font embed-url="file://%s"%s>' % (
            fp, ' sub-font="%s"' % sub if sub else ""))
        for st, wt in triplets:
            lines.append('<font-triplet name="%s" style="%s" weight="%s"/>'
                         % (fam, st, wt))
        lines.append("</font>")
    lines.append("</fonts></renderer></renderers></fop>")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def peer_chain(src, po, lang, work):
    """DocBook XSL-NS + itstool + FOP from SRC and PO to the three
    formats; {step: Run} and notes."""
    os.makedirs(work, exist_ok=True)
    gt = lang.replace("-", "_")
    conf = os.path.join(tmp, "fop.xconf")
    steps = []
    x = src
    if "xi:include" in open(src, encoding="utf-8").read():
        steps.append(("xmllint --xinclude", "translate",
                      ["xmllint", "--xinclude", "--nonet", "-o", "flat.xml",
                       src]))
        x = "flat.xml"
    steps += [
        ("msgfmt", "translate", ["msgfmt", "-o", gt + ".mo", po]),
        ("itstool -m", "translate", ["itstool", "-l", lang, "-m", gt + ".mo",
                                     "-o", "book.xml", x]),
        ("xsltproc html/chunk", "html",
         ["xsltproc", "--nonet", "--stringparam", "base.dir", "html/",
          "--stringparam", "chunker.output.encoding", "UTF-8",
          DBX + "/html/chunk.xsl", "book.xml"]),
        ("xsltproc epub3/chunk", "epub",
         ["xsltproc", "--nonet", "--stringparam", "base.dir",
          "epub/OEBPS/", DBX + "/epub3/chunk.xsl", "book.xml"]),
        ("zip", "epub",
         ["sh", "-c", "cd epub && rm -f ../book.epub && "
          "zip -X0q ../book.epub mimetype && "
          "zip -Xr9Dq ../book.epub META-INF OEBPS"]),
        ("xsltproc fo/docbook", "pdf",
         ["xsltproc", "--nonet", "--stringparam", "paper.type", "A5",
          "--stringparam", "fop1.extensions", "1",
          "--stringparam", "body.font.family", FOP_FAMILY,
          "--stringparam", "title.font.family", FOP_FAMILY,
          "--stringparam", "monospace.font.family",
          "DejaVu Sans Mono," + FOP_FAMILY,
          "--stringparam", "symbol.font.family", FOP_FAMILY,
          "-o", "book.fo", DBX + "/fo/docbook.xsl", "book.xml"]),
        ("fop", "pdf", ["fop", "-c", conf, "-fo", "book.fo", "-pdf",
                        "book.pdf"]),
    ]
    chains = []
    for i in range(REPEAT):
        shutil.rmtree(work)
        os.makedirs(work)
        res = []
        for name, part, argv in steps:
            log = os.path.join(work, name.replace(" ", "_")
                               .replace("/", "_") + ".log")
            res.append((name, part, run1(argv, work, log)))
        chains.append(res)
    # The median run of the whole chain, by wall time.
    chains.sort(key=lambda c: sum(r.wall for _, _, r in c))
    res = chains[(len(chains) - 1) // 2]
    notes = []
    for name, _, r in res:
        if r.rc != 0:
            notes.append("%s exited %d" % (name, r.rc))
    g = count(os.path.join(work, "fop.log"), "not available in font")
    if g:
        notes.append("FOP's default fonts lack %d of the characters "
                     "(printed as #)" % g)
    n = count(os.path.join(work, "xsltproc_html_chunk.log"),
              "namespace error")
    if n:
        notes.append("itstool wrote %d elements in no namespace "
                     "(xsltproc: namespace error)" % n)
    n = count(os.path.join(work, "itstool_-m.log"), "Could not merge")
    if n:
        notes.append("itstool could not merge %d messages" % n)
    out = {"pdf_pages": pdf_pages(os.path.join(work, "book.pdf")),
           "pdf_kb": size(os.path.join(work, "book.pdf")) / 1024.0,
           "epub_kb": size(os.path.join(work, "book.epub")) / 1024.0}
    return res, notes, out


def opas_chain(src, podir, lang, work):
    parts = {}
    xml = os.path.join(work, "merged.xml")
    os.makedirs(work, exist_ok=True)
    po = os.path.join(podir, lang.replace("-", "_") + ".po")
    parts["translate"] = measure([opas, "merge", "-p", po, "-o", xml, src],
                                 work, repeat=SHORT_REPEAT)
    for fmt in ("html", "epub", "pdf"):
        parts[fmt] = measure([opas, "build", "-f", fmt, "-l", lang,
                              "--po-dir", podir, "-o", work, src], work,
                             repeat=SHORT_REPEAT)
    parts["all"] = measure([opas, "build", "-f", "html,epub,pdf", "-l",
                            lang, "--po-dir", podir, "-o", work, src], work,
                           repeat=SHORT_REPEAT)
    for k in ("html", "epub", "pdf", "all"):
        note_rss(parts[k], "%s %s" % (lang, k))
    return parts


print()
print("4. opas against DocBook XSL-NS + itstool + Apache FOP")
print("   opas: the median of %d runs (each a tenth of a second); the peers: "
      "of %d" % (SHORT_REPEAT, REPEAT))
skipped = install_peers()
if skipped:
    print("   skipped: the peers are not installed (%s); as root, make "
          "bench installs them with apt-get" % " ".join(skipped))
else:
    print("   peers: docbook-xsl-ns %s, xsltproc (%s), itstool %s, "
          "fop %s (%s), gettext %s" % (
              deb_version("docbook-xsl-ns"),
              first_line(["xsltproc", "--version"]).replace("Using ", ""),
              deb_version("itstool"), deb_version("fop"),
              first_line(["java", "-version"]), deb_version("gettext")))
    fop_conf(os.path.join(tmp, "fop.xconf"))
    print("   The stylesheets with paper A5 and UTF-8 HTML; FOP given the "
          "fonts for every script")
    print("   (fop.xconf: %s; without it FOP prints # for Arabic and "
          "Chinese); itstool" % FOP_FAMILY)
    print("   merges msgfmt's MO of the same PO file opas reads.  "
          "translate: msgfmt + itstool for the")
    print("   peers (+ xmllint --xinclude for the guide, as itstool reads "
          "no XInclude), opas merge for opas;")
    print("   html, epub, pdf: from the PO file to that format; all three: "
          "one opas build -f html,epub,pdf")
    print("   against translate + the three formats of the peers.")
    summary = []
    allnotes = []
    for label, src, podir in (("book", book, bookpo),
                              ("guide", guide, os.path.join(srcdir, "po"))):
        for lang in PEER_LANGS:
            work = os.path.join(tmp, "peer-%s-%s" % (label, lang))
            po = os.path.join(podir, lang.replace("-", "_") + ".po")
            if not os.path.exists(po):
                print("   no %s for %s" % (po, label))
                continue
            res, notes, pout = peer_chain(src, po, lang, work)
            o = opas_chain(src, podir, lang, os.path.join(
                tmp, "opas-%s-%s" % (label, lang)))
            print()
            print("   %s, %s: the peer chain step by step" % (label, lang))
            print("   %-22s %8s %8s %8s" % ("step", "wall s", "cpu s", "MB"))
            for name, _, r in res:
                print("   %-22s %8.3f %8.3f %8.1f" % (name, r.wall, r.cpu,
                                                      r.rss))
            own = {}
            for part in ("translate", "html", "epub", "pdf"):
                own[part] = Run()
                for _, p, r in res:
                    if p == part:
                        own[part] = own[part] + r
            peer = {"translate": own["translate"]}
            for fmt in ("html", "epub", "pdf"):
                peer[fmt] = own["translate"] + own[fmt]
            peer["all"] = (own["translate"] + own["html"] + own["epub"] +
                           own["pdf"])
            print()
            print("   %s, %s: opas against the peers" % (label, lang))
            print("   %-10s %7s %7s %6s | %7s %7s %6s | %6s %6s %6s | %6s" % (
                "", "opas", "", "", "peers", "", "", "opas/peer", "", "",
                ""))
            print("   %-10s %7s %7s %6s | %7s %7s %6s | %6s %6s %6s | %6s" % (
                "", "wall s", "cpu s", "MB", "wall s", "cpu s", "MB",
                "wall", "cpu", "MB", "faster"))
            for part, name in (("translate", "translate"), ("html", "html"),
                               ("epub", "epub"), ("pdf", "pdf"),
                               ("all", "all three")):
                a, b = o[part], peer[part]
                print("   %-10s %7.3f %7.3f %6.1f | %7.2f %7.2f %6.1f | "
                      "%s %s %s | %s" % (
                          name, a.wall, a.cpu, a.rss, b.wall, b.cpu, b.rss,
                          ratio(a.wall, b.wall), ratio(a.cpu, b.cpu),
                          ratio(a.rss, b.rss), faster(a.wall, b.wall)))
            print("   outputs: PDF opas %s pages, %.0f KB; FOP %s pages, "
                  "%.0f KB.  EPUB opas %.0f KB, peers %.0f KB" % (
                      pdf_pages(os.path.join(
                          tmp, "opas-%s-%s" % (label, lang), "pdf",
                          "%s-%s.pdf" % ("bench-book" if label == "book"
                                         else "welcome-to-finland", lang))),
                      size(os.path.join(tmp, "opas-%s-%s" % (label, lang),
                                        "pdf")) / 1024.0,
                      pout["pdf_pages"], pout["pdf_kb"],
                      size(os.path.join(tmp, "opas-%s-%s" % (label, lang),
                                        "epub")) / 1024.0, pout["epub_kb"]))
            for n in notes:
                print("   peer note: %s" % n)
            summary.append((label, lang, o["all"], peer["all"]))
    print()
    print("   Summary, all three formats of one language from its PO file:")
    for label, lang, a, b in summary:
        target = ""
        if label == "book":
            target = " (target %.0f×: %s)" % (
                WALL_TARGET, "met" if b.wall >= WALL_TARGET * a.wall
                else "MISSED")
        print("   %-5s %-5s opas %6.3f s, %5.1f MB; peers %6.2f s, %6.1f MB:"
              " opas %4.0f× faster, %4.0f× less CPU, %4.0f× less memory%s" % (
                  label, lang, a.wall, a.rss, b.wall, b.rss,
                  b.wall / a.wall, b.cpu / a.cpu, b.rss / a.rss, target))

print()
print("Most memory of any opas run: %.1f MB (%s; target under %.0f MB: %s)"
      % (worst_rss[0], worst_rss[1], RSS_TARGET,
         "met" if worst_rss[0] < RSS_TARGET else "MISSED"))
print("make bench took %.0f s; load average %.2f at the end" % (
    time.monotonic() - t_start, os.getloadavg()[0]))
if os.environ.get("BENCH_KEEP"):
    print("Outputs and logs kept in %s" % tmp)
else:
    shutil.rmtree(tmp)
