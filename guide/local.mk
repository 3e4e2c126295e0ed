## guide/local.mk: the guide source and what make builds from it into
## out/.  GNU make is assumed (wildcard, shell, second expansion).
##
## Every edition is one target that depends on exactly what its build
## reads: the program, the source, its own catalogue, the publication
## thresholds, the ITS rules, the words opas adds (gentext.xml), the
## stylesheets and CSS of its format, and for PDF the font files and
## hyphenation dictionaries of its language.  make -j builds editions
## side by side; they write disjoint files, each through a temporary
## name.  The data files come from this tree (OPAS_DATADIR), never from
## an installed copy that make does not know about.

guide_chapters = $(wildcard $(srcdir)/guide/chapters/*.xml)
guide_catalogues = $(wildcard $(srcdir)/po/*.po)
guide_source = $(srcdir)/guide/guide.xml $(guide_chapters)
EXTRA_DIST += guide/guide.xml guide/chapters
# make bench builds the guide and a generated large book (bench/).
EXTRA_DIST += bench/genbook.py

all-local: out/stats.json html-editions epub-editions pdf-editions

opas_run = OPAS_DATADIR=$(srcdir)/data src/opas$(EXEEXT)
opas_build = $(opas_run) build --po-dir $(srcdir)/po -o out

guide_its = $(srcdir)/data/its/docbook5.its
guide_gentext = $(srcdir)/data/xslt/gentext.xml
book_inputs = src/opas$(EXEEXT) $(guide_source) $(srcdir)/po/thresholds \
	$(guide_its) $(guide_gentext)

# Translation statistics of every language (opas stats --json).
out/stats.json: src/opas$(EXEEXT) $(guide_source) $(guide_its) \
		$(guide_catalogues) $(srcdir)/po/LINGUAS $(srcdir)/po/thresholds
	@$(MKDIR_P) out
	@$(opas_run) stats --json --po-dir $(srcdir)/po -o $@ \
		$(srcdir)/guide/guide.xml
	@echo "  stats    out/stats.json  $$(wc -c < $@) bytes"

# The languages: English (the source) and po/LINGUAS.  A catalogue is
# po/LL.po with the gettext name (zh_CN); editions use the BCP 47 tag
# (zh-CN).
guide_linguas = $(shell sed 's/\#.*//' $(srcdir)/po/LINGUAS)
guide_tags = en $(subst _,-,$(guide_linguas))
guide_po = $(if $(filter en,$(1)),,$(srcdir)/po/$(subst -,_,$(1)).po)

.SECONDEXPANSION:

# HTML editions: one make target per language, so that make -j builds
# them side by side and a changed catalogue rebuilds only its language.
# A language's pages list every language of the site (po/LINGUAS) but
# read no other catalogue and no CSS; the chooser reads them all.
# Stamps (out/.stamps/) mark a finished edition: a build that stopped
# halfway is done again.  Exit status 1 (a broken translation that fell
# back to English) still makes the edition.
html_inputs = $(book_inputs) $(srcdir)/po/LINGUAS $(srcdir)/data/xslt/html.xsl

html-editions: $(guide_tags:%=out/.stamps/html-%) out/.stamps/html-index
.PHONY: html-editions

out/.stamps/html-%: $(html_inputs) $$(call guide_po,$$*)
	@$(MKDIR_P) out/.stamps
	@$(opas_build) -f html -l $* $(srcdir)/guide/guide.xml || test $$? -eq 1
	@touch $@

out/.stamps/html-index: $(html_inputs) $(srcdir)/data/css/book.css \
		$(srcdir)/data/css/site.css $(guide_catalogues)
	@$(MKDIR_P) out/.stamps
	@$(opas_build) --chooser $(srcdir)/guide/guide.xml || test $$? -eq 1
	@touch $@

# EPUB books: the file is the target (written whole or not at all).
# epub.xsl imports html.xsl.
epub_inputs = $(book_inputs) $(srcdir)/data/xslt/epub.xsl \
	$(srcdir)/data/xslt/html.xsl $(srcdir)/data/css/book.css

epub-editions: $(guide_tags:%=out/epub/welcome-to-finland-%.epub)
.PHONY: epub-editions

out/epub/welcome-to-finland-%.epub: $(epub_inputs) $$(call guide_po,$$*)
	@$(opas_build) -f epub -l $* $(srcdir)/guide/guide.xml || test $$? -eq 1

# PDF books: the file is the target (written whole or not at all).  The
# fonts and the hyphenation of a language are its line in
# src/base/lang.def; the files of a font family are in src/layout/font.c
# (under OPAS_FONTDIR if set), libhyphen's dictionaries in
# /usr/share/hyphen and Voikko's in /usr/lib/voikko.  A file that is not
# installed is no prerequisite (opas reports it when it builds).
guide_langdef := $(shell sed -n 's/^LANG."\([^"]*\)", *"[^"]*", *"[^"]*", *"[^"]*", *"[^"]*", *[A-Z_]*, *"\([^"]*\)", *"\([^"]*\)".*/\1=\2=\3/p' $(srcdir)/src/base/lang.def)
guide_comma = ,
guide_langfield = $(subst $(guide_comma), ,$(word $(2),$(subst =, ,$(filter $(1)=%,$(guide_langdef)))))
guide_fontdir = $(or $(OPAS_FONTDIR),/usr/share/fonts/truetype)
guide_font_dejavu = dejavu/DejaVuSans.ttf dejavu/DejaVuSans-Bold.ttf \
	dejavu/DejaVuSansMono.ttf
guide_font_naskh = noto/NotoNaskhArabic-Regular.ttf \
	noto/NotoNaskhArabic-Bold.ttf
guide_font_wqy = wqy/wqy-zenhei.ttc
guide_font_thai = tlwg/Waree.ttf tlwg/Waree-Bold.ttf
guide_hyph = $(patsubst hyph:%,/usr/share/hyphen/hyph_%.dic,$(filter hyph:%,$(1))) \
	$(if $(filter voikko:%,$(1)),/usr/lib/voikko/*/mor-*/*)
pdf_files = $(wildcard \
	$(foreach f,$(call guide_langfield,$(1),2),$(guide_font_$(f):%=$(guide_fontdir)/%)) \
	$(call guide_hyph,$(call guide_langfield,$(1),3)))

pdf_inputs = $(book_inputs)

pdf-editions: $(guide_tags:%=out/pdf/welcome-to-finland-%.pdf)
.PHONY: pdf-editions

out/pdf/welcome-to-finland-%.pdf: $(pdf_inputs) $$(call guide_po,$$*) \
		$$(call pdf_files,$$*)
	@$(opas_build) -f pdf -l $* $(srcdir)/guide/guide.xml || test $$? -eq 1

# make print-edition-inputs: what each edition depends on (for review).
print-edition-inputs:
	@$(foreach t,$(guide_tags),echo '$(t) pdf: $(call guide_po,$(t)) $(call pdf_files,$(t))';)
.PHONY: print-edition-inputs
