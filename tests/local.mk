## tests/local.mk: make check.  Tests are files: reader cases are an input
## (.xml) and the expected diagnostics with the exit status (.err).

TEST_EXTENSIONS = .xml .sh
XML_LOG_COMPILER = $(SHELL) $(srcdir)/tests/golden-check.sh
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	OPAS='$(abs_top_builddir)/src/opas'; export OPAS; \
	srcdir='$(srcdir)'; export srcdir; \
	DOCBOOK5_RNG='$(DOCBOOK5_RNG)'; export DOCBOOK5_RNG; \
	NODE_PATH='$(NODE_MODULES)'; export NODE_PATH; \
	LC_ALL=C.UTF-8; export LC_ALL;

reader_cases = \
	tests/reader/bad-linkend.xml \
	tests/reader/billion-laughs.xml \
	tests/reader/docbook4.xml \
	tests/reader/dtd-localhost.xml \
	tests/reader/dup-id.xml \
	tests/reader/entities-ok.xml \
	tests/reader/entity-file-uri.xml \
	tests/reader/entity-localhost.xml \
	tests/reader/entity-passwd.xml \
	tests/reader/malformed.xml \
	tests/reader/not-docbook.xml \
	tests/reader/pentity-localhost.xml \
	tests/reader/schema-invalid.xml \
	tests/reader/valid.xml \
	tests/reader/wrong-namespace.xml \
	tests/reader/xinclude-dotdot.xml \
	tests/reader/xinclude-http.xml \
	tests/reader/xinclude-missing.xml \
	tests/reader/xinclude-nested.xml \
	tests/reader/xinclude-ok.xml \
	tests/reader/xinclude-passwd.xml \
	tests/reader/xinclude-up.xml

reader_files = \
	tests/reader/bad-linkend.err \
	tests/reader/billion-laughs.err \
	tests/reader/docbook4.err \
	tests/reader/dtd-localhost.err \
	tests/reader/dup-id.err \
	tests/reader/entities-ok.ent \
	tests/reader/entities-ok.err \
	tests/reader/entity-file-uri.err \
	tests/reader/entity-localhost.err \
	tests/reader/entity-passwd.err \
	tests/reader/malformed.err \
	tests/reader/not-docbook.err \
	tests/reader/pentity-localhost.err \
	tests/reader/schema-invalid.err \
	tests/reader/valid.err \
	tests/reader/wrong-namespace.err \
	tests/reader/xinclude-dotdot.err \
	tests/reader/xinclude-http.err \
	tests/reader/xinclude-missing.err \
	tests/reader/xinclude-nested-chapter.inc \
	tests/reader/xinclude-nested.err \
	tests/reader/xinclude-ok-chapter.inc \
	tests/reader/xinclude-ok.err \
	tests/reader/xinclude-passwd.err \
	tests/reader/xinclude-up.err

check_PROGRAMS += tests/unit/test-base
tests_unit_test_base_SOURCES = tests/unit/test-base.c \
	src/base/buf.c src/base/lang.c src/base/mem.c src/base/msg.c

TESTS += \
	tests/epub.sh \
	tests/pdf.sh \
	tests/pdf-golden.sh \
	tests/pdf-pixels.sh \
	tests/unit/test-base \
	tests/cli.sh \
	tests/man-diagnostics.sh \
	tests/guide.sh \
	tests/pot-current.sh \
	tests/merge.sh \
	tests/roundtrip.sh \
	tests/catalogues.sh \
	tests/stats.sh \
	tests/check-po.sh \
	tests/corpora.sh \
	tests/corpus-handbook.sh \
	tests/html.sh \
	tests/html-hostile.sh \
	tests/reader/generated.sh \
	$(reader_cases)

EXTRA_DIST += \
	tests/golden-check.sh \
	tests/cli.sh \
	tests/man-diagnostics.sh \
	tests/guide.sh \
	tests/pot-current.sh \
	tests/merge.sh \
	tests/roundtrip.sh \
	tests/catalogues.sh \
	tests/stats.sh \
	tests/check-po.sh \
	tests/corpora.sh \
	tests/corpus-handbook.sh \
	tests/html.sh \
	tests/html-hostile.sh \
	tests/epub.sh \
	tests/pdf.sh \
	tests/pdf-golden.sh \
	tests/pdf-pixels.sh \
	tests/toc-check.py \
	tests/pdf/fi.xml tests/pdf/fi.out_text tests/pdf/fi.err \
	tests/pdf/ar.xml tests/pdf/ar.out_text tests/pdf/ar.err \
	tests/pdf/zh.xml tests/pdf/zh.out_text tests/pdf/zh.err \
	tests/pdf/hostile.xml tests/pdf/hostile.out_text tests/pdf/hostile.err \
	tests/html/hostile.xml tests/html/hostile.po tests/html/writer.xsl \
	tests/node/axe.js tests/node/links.js \
	tests/node/package.json tests/node/package-lock.json \
	tests/blocks.xsl \
	tests/strip-its.xsl \
	tests/reader/generated.sh \
	$(reader_cases) \
	$(reader_files) \
	tests/merge/book.xml tests/merge/fi.po tests/merge/fi.expected tests/merge/fi.err \
	tests/merge/publican.xml tests/merge/publican.po tests/merge/publican.expected tests/merge/publican.err \
	tests/stats/LINGUAS tests/stats/thresholds tests/stats/fi.po tests/stats/expected.json

# Every edition twice, from two copies of the source, at different times,
# in different time zones and umasks: identical bytes (tests/repro.sh).
TESTS += tests/repro.sh
EXTRA_DIST += tests/repro.sh
