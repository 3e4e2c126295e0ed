## guide/local.mk: the guide source and what make builds from it into
## out/.  GNU make is assumed (wildcard).

guide_chapters = $(wildcard $(srcdir)/guide/chapters/*.xml)
guide_catalogues = $(wildcard $(srcdir)/po/*.po)
EXTRA_DIST += guide/guide.xml guide/chapters

all-local: out/stats.json html-editions epub-editions pdf-editions

# Translation statistics of every language (opas stats --json).
out/stats.json: src/opas$(EXEEXT) $(srcdir)/guide/guide.xml $(guide_chapters) \
		$(guide_catalogues) $(srcdir)/po/LINGUAS $(srcdir)/po/thresholds
	@$(MKDIR_P) out
	@src/opas$(EXEEXT) stats --json --po-dir $(srcdir)/po -o $@ \
		$(srcdir)/guide/guide.xml
	@echo "  stats    out/stats.json  $$(wc -c < $@) bytes"

# HTML editions: one make target per language, so that make -j builds
# them side by side and a changed catalogue rebuilds only its language.
# Stamps (out/.stamps/) mark a finished edition: a build that stopped
# halfway is done again.  Exit status 1 (a broken translation that fell
# back to English) still makes the edition.
guide_linguas = $(shell sed 's/\#.*//' $(srcdir)/po/LINGUAS)
guide_tags = en $(subst _,-,$(guide_linguas))
book_inputs = src/opas$(EXEEXT) $(srcdir)/guide/guide.xml $(guide_chapters) \
	$(srcdir)/po/LINGUAS $(srcdir)/po/thresholds \
	$(srcdir)/data/its/docbook5.its $(srcdir)/data/xslt/gentext.xml \
	$(srcdir)/data/xslt/html.xsl
html_inputs = $(book_inputs)
epub_inputs = $(book_inputs) $(srcdir)/data/xslt/epub.xsl \
	$(srcdir)/data/css/book.css
opas_build = src/opas$(EXEEXT) build --po-dir $(srcdir)/po -o out

html-editions: $(guide_tags:%=out/.stamps/html-%) out/.stamps/html-index
.PHONY: html-editions

out/.stamps/html-en: $(html_inputs)
	@$(MKDIR_P) out/.stamps
	@$(opas_build) -f html -l en $(srcdir)/guide/guide.xml || test $$? -eq 1
	@touch $@

.SECONDEXPANSION:
out/.stamps/html-%: $(html_inputs) $(srcdir)/po/$$(subst -,_,$$*).po
	@$(MKDIR_P) out/.stamps
	@$(opas_build) -f html -l $* $(srcdir)/guide/guide.xml || test $$? -eq 1
	@touch $@

out/.stamps/html-index: $(html_inputs) $(srcdir)/data/css/book.css \
		$(srcdir)/data/css/site.css $(guide_catalogues)
	@$(MKDIR_P) out/.stamps
	@$(opas_build) --chooser $(srcdir)/guide/guide.xml || test $$? -eq 1
	@touch $@

# EPUB books: the file is the target (written whole or not at all).
epub-editions: $(guide_tags:%=out/epub/welcome-to-finland-%.epub)
.PHONY: epub-editions

out/epub/welcome-to-finland-en.epub: $(epub_inputs)
	@$(opas_build) -f epub -l en $(srcdir)/guide/guide.xml || test $$? -eq 1

out/epub/welcome-to-finland-%.epub: $(epub_inputs) $(srcdir)/po/$$(subst -,_,$$*).po
	@$(opas_build) -f epub -l $* $(srcdir)/guide/guide.xml || test $$? -eq 1

# PDF books: the file is the target (written whole or not at all).
pdf_inputs = $(book_inputs)

pdf-editions: $(guide_tags:%=out/pdf/welcome-to-finland-%.pdf)
.PHONY: pdf-editions

out/pdf/welcome-to-finland-en.pdf: $(pdf_inputs)
	@$(opas_build) -f pdf -l en $(srcdir)/guide/guide.xml || test $$? -eq 1

out/pdf/welcome-to-finland-%.pdf: $(pdf_inputs) $(srcdir)/po/$$(subst -,_,$$*).po
	@$(opas_build) -f pdf -l $* $(srcdir)/guide/guide.xml || test $$? -eq 1
