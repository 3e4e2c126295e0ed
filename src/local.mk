## src/local.mk: the opas program.

bin_PROGRAMS += src/opas

# Everything but main.c: the fuzz targets and their check programs
# (tests/fuzz/local.mk) link the same code.
src_opas_SOURCES = src/main.c $(opas_core_sources)
opas_core_sources = \
	src/base/archive.c src/base/archive.h \
	src/base/buf.c src/base/buf.h \
	src/base/data.c src/base/data.h \
	src/base/intl.h \
	src/base/lang.c src/base/lang.h src/base/lang.def \
	src/base/mem.c src/base/mem.h \
	src/base/msg.c src/base/msg.h src/base/msg.def \
	src/base/sha256.c src/base/sha256.h \
	src/base/wfile.c src/base/wfile.h \
	src/cli/cmd.c src/cli/cmd.h \
	src/cli/cmd_build.c \
	src/cli/cmd_check.c \
	src/cli/cmd_dist.c \
	src/cli/cmd_extract.c \
	src/cli/cmd_merge.c \
	src/cli/cmd_stats.c \
	src/cli/cmd_verify.c \
	src/doc/check.c \
	src/doc/doc.c src/doc/doc.h \
	src/doc/elem.c src/doc/elem.h src/doc/elem.def \
	src/doc/gentext.c src/doc/gentext.h \
	src/i18n/extract.c src/i18n/extract.h \
	src/i18n/its.c src/i18n/its.h \
	src/i18n/merge.c src/i18n/merge.h \
	src/i18n/po.c src/i18n/po.h \
	src/i18n/seg.c src/i18n/seg.h \
	src/i18n/stats.c src/i18n/stats.h \
	src/layout/book.c src/layout/book.h \
	src/layout/dl.c src/layout/dl.h \
	src/layout/font.c src/layout/font.h \
	src/layout/hpdf.c src/layout/pdfdev.h \
	src/layout/arabpf.def src/layout/thaipua.def \
	src/layout/hyph.c src/layout/hyph.h \
	src/layout/line.c src/layout/line.h \
	src/pkg/manifest.c src/pkg/manifest.h \
	src/pkg/minisign.c src/pkg/minisign.h \
	src/pkg/portal.c \
	src/pkg/record.c src/pkg/record.h \
	src/pkg/release.c src/pkg/release.h \
	src/pkg/verify.c src/pkg/verify.h \
	src/render/epub.c src/render/epub.h \
	src/render/html.c src/render/html.h \
	src/render/page.c src/render/page.h \
	src/render/pdf.c src/render/pdf.h \
	src/render/xslt.c src/render/xslt.h

AM_CPPFLAGS = -I$(top_srcdir)/src \
	-DPKGDATADIR='"$(pkgdatadir)"' \
	-DLOCALEDIR='"$(localedir)"' \
	-DOPAS_SRCDIR='"$(abs_top_srcdir)"'
AM_CFLAGS = $(WARN_CFLAGS) $(SAN_CFLAGS)
AM_LDFLAGS = $(SAN_CFLAGS)

src_opas_CFLAGS = $(AM_CFLAGS) $(XML_CFLAGS) $(XSLT_CFLAGS) $(GETTEXTPO_CFLAGS) \
	$(ZIP_CFLAGS) $(SODIUM_CFLAGS) $(HPDF_CFLAGS) $(FRIBIDI_CFLAGS) \
	$(UNIBREAK_CFLAGS) $(HARFBUZZ_CFLAGS) $(HBSUBSET_CFLAGS) $(THAI_CFLAGS) \
	$(VOIKKO_CFLAGS) $(HYPHEN_CFLAGS) $(ZLIB_CFLAGS)
src_opas_LDADD = $(XSLT_LIBS) $(XML_LIBS) $(GETTEXTPO_LIBS) $(ZIP_LIBS) \
	$(SODIUM_LIBS) $(HPDF_LIBS) $(FRIBIDI_LIBS) $(UNIBREAK_LIBS) \
	$(HBSUBSET_LIBS) $(HARFBUZZ_LIBS) $(THAI_LIBS) $(VOIKKO_LIBS) \
	$(HYPHEN_LIBS) $(ZLIB_LIBS) -lm
