## tests/local.mk: make check.  Tests are files: reader cases are an input
## (.xml) and the expected diagnostics with the exit status (.err).

TEST_EXTENSIONS = .xml .sh
XML_LOG_COMPILER = $(SHELL) $(srcdir)/tests/golden-check.sh
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	OPAS='$(abs_top_builddir)/src/opas'; export OPAS; \
	if test -n "$$OPAS_VALGRIND_LOGS"; then \
		OPAS_RUN='$(abs_top_srcdir)/tests/valgrind.sh'; \
	else OPAS_RUN=; fi; export OPAS_RUN; \
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
	src/base/buf.c src/base/lang.c src/base/mem.c src/base/msg.c \
	src/base/wfile.c

TESTS += \
	tests/dist.sh \
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
	tests/write-safety.sh \
	tests/reader/generated.sh \
	$(reader_cases)

# make check-valgrind: the reader, merge, PDF golden and write-safety
# tests and the fuzz replays again, with opas and the replay programs
# under valgrind (tests/valgrind.sh): any memory error, or a leak that
# is not a library's own (tests/valgrind.supp), fails.  Not in a
# sanitizer build: valgrind cannot run AddressSanitizer's programs.
valgrind_tests = $(reader_cases) tests/merge.sh tests/pdf-golden.sh \
	tests/write-safety.sh tests/fuzz/replay.sh
check-valgrind: all
	@if test '$(VALGRIND)' = false; then \
		echo "check-valgrind: valgrind missing; run ./bootstrap" >&2; \
		exit 1; \
	fi
	@case '$(SAN_CFLAGS)' in *sanitize*) \
		echo "check-valgrind: not in a sanitizer build" >&2; \
		exit 1;; \
	esac
	@rm -rf tests/valgrind-logs && $(MKDIR_P) tests/valgrind-logs
	@$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(valgrind_tests)' \
	    OPAS_VALGRIND_LOGS='$(abs_top_builddir)/tests/valgrind-logs'; \
	status=$$?; \
	for log in tests/valgrind-logs/*.log; do \
		test -s "$$log" || continue; \
		echo "valgrind: $$(cat "$${log%.log}.cmd")"; \
		cat "$$log"; \
		status=1; \
	done; \
	runs=$$(ls tests/valgrind-logs | grep -c '\.cmd$$'); \
	if test $$status -eq 0; then \
		echo "check-valgrind: $$runs runs under valgrind, no errors, no leaks"; \
	else \
		echo "check-valgrind: FAILED ($$runs runs; reports above)" >&2; \
	fi; \
	exit $$status
.PHONY: check-valgrind
clean-local: clean-valgrind
clean-valgrind:
	-rm -rf tests/valgrind-logs
.PHONY: clean-valgrind

EXTRA_DIST += \
	tests/golden-check.sh \
	tests/valgrind.sh tests/valgrind.supp \
	tests/write-safety.sh \
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
	tests/dist.sh tests/dist/entitled.py \
	tests/toc-check.py \
	tests/pdf/fi.xml tests/pdf/fi.out_text tests/pdf/fi.err \
	tests/pdf/ar.xml tests/pdf/ar.out_text tests/pdf/ar.err \
	tests/pdf/zh.xml tests/pdf/zh.out_text tests/pdf/zh.err \
	tests/pdf/ru.xml tests/pdf/ru.out_text tests/pdf/ru.err \
	tests/pdf/th.xml tests/pdf/th.out_text tests/pdf/th.err \
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
	tests/merge/nested.po tests/merge/nested.err tests/merge/latin1.po \
	tests/stats/LINGUAS tests/stats/thresholds tests/stats/fi.po tests/stats/expected.json

# Every edition twice, from two copies of the source, at different times,
# in different time zones and umasks: identical bytes (tests/repro.sh).
TESTS += tests/repro.sh
EXTRA_DIST += tests/repro.sh
