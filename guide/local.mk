## guide/local.mk: the guide source and what make builds from it into
## out/.  GNU make is assumed (wildcard).

guide_chapters = $(wildcard $(srcdir)/guide/chapters/*.xml)
guide_catalogues = $(wildcard $(srcdir)/po/*.po)
EXTRA_DIST += guide/guide.xml guide/chapters

all-local: out/stats.json

# Translation statistics of every language (opas stats --json).
out/stats.json: src/opas$(EXEEXT) $(srcdir)/guide/guide.xml $(guide_chapters) \
		$(guide_catalogues) $(srcdir)/po/LINGUAS $(srcdir)/po/thresholds
	@$(MKDIR_P) out
	@src/opas$(EXEEXT) stats --json --po-dir $(srcdir)/po -o $@ \
		$(srcdir)/guide/guide.xml
	@echo "  stats    out/stats.json  $$(wc -c < $@) bytes"
