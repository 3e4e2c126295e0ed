#!/usr/bin/env python3
# bench.py: what make bench prints.  Every edition of the guide is built
# with opas, one language and format at a time, and measured: wall
# time, CPU time and peak memory (the child's own rusage, from wait4),
# and the size of what it wrote.  Then the whole site with make -j2, and
# make -j2 again after touching one catalogue, to show that only that
# language is rebuilt.  Figures are from this machine, in this run.
#
# Usage: bench.py OPAS SRCDIR BUILDDIR
import os
import shutil
import subprocess
import sys
import tempfile
import time

opas, srcdir, builddir = sys.argv[1:4]
langs = ["en"] + [l.strip().replace("_", "-")
                  for l in open(os.path.join(srcdir, "po", "LINGUAS"))
                  if l.strip() and not l.startswith("#")]


def run(argv, cwd):
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.chdir(cwd)
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    wall = time.monotonic() - t0
    return (os.waitstatus_to_exitcode(status), wall,
            ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0)


def size(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(d, f))
                   for d, _, fs in os.walk(path) for f in fs)
    return os.path.getsize(path) if os.path.exists(path) else 0


out = tempfile.mkdtemp(prefix="opas-bench.")
print("opas %s on %s, %d CPUs" % (
    subprocess.run([opas, "--version"], capture_output=True,
                   text=True).stdout.split("\n")[0],
    os.uname().machine, os.cpu_count()))
print()
print("%-6s %-5s %8s %8s %9s %9s %6s" % ("lang", "fmt", "wall s", "cpu s",
                                         "peak MB", "size KB", "pages"))
worst = {"wall": 0, "rss": 0}
for l in langs:
    for fmt in ("html", "epub", "pdf"):
        argv = [opas, "build", "-f", fmt, "-l", l, "--po-dir",
                os.path.join(srcdir, "po"), "-o", out,
                os.path.join(srcdir, "guide", "guide.xml")]
        rc, wall, cpu, rss = run(argv, srcdir)
        if fmt == "html":
            what = os.path.join(out, "html", l)
        else:
            what = os.path.join(out, fmt, "welcome-to-finland-%s.%s" % (
                l, fmt))
        pages = ""
        if fmt == "pdf" and shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", what], capture_output=True,
                                  text=True).stdout
            pages = next((x.split()[-1] for x in info.splitlines()
                          if x.startswith("Pages:")), "")
        print("%-6s %-5s %8.3f %8.3f %9.1f %9.1f %6s%s" % (
            l, fmt, wall, cpu, rss, size(what) / 1024.0, pages,
            "" if rc in (0, 1) else "  (exit %d)" % rc))
        worst["wall"] = max(worst["wall"], wall)
        worst["rss"] = max(worst["rss"], rss)
print()
print("slowest edition %.3f s, most memory %.1f MB" % (worst["wall"],
                                                        worst["rss"]))

# The whole guide with make, then one catalogue changed.
if os.path.exists(os.path.join(builddir, "Makefile")):
    subprocess.run(["make", "-C", builddir, "clean-out"],
                   capture_output=True)
    t0 = time.monotonic()
    subprocess.run(["make", "-C", builddir, "-j2"], capture_output=True)
    full = time.monotonic() - t0
    po = os.path.join(srcdir, "po", "fi.po")
    os.utime(po)
    t0 = time.monotonic()
    r = subprocess.run(["make", "-C", builddir, "-j2"], capture_output=True,
                       text=True)
    again = time.monotonic() - t0
    built = sorted(set(x.split()[1] for x in r.stdout.splitlines()
                       if x.startswith("  ") and len(x.split()) > 1
                       and x.split()[0] in ("html", "epub", "pdf")))
    print("make -j2, every language and format: %.2f s" % full)
    print("after touching po/fi.po: %.2f s, rebuilt: %s" % (
        again, " ".join(built) or "nothing"))
shutil.rmtree(out)
