## tests/fuzz/local.mk: the fuzz targets of tests/fuzz.
##
## Every build makes a replay program of each target (its code linked
## with standalone.c) and make check runs it over the seed corpus and
## the inputs of every crash found so far (tests/fuzz/replay.sh).  A
## build configured with CC=clang --enable-fuzzing also makes the
## libFuzzer programs: make fuzz-smoke runs each for FUZZ_TIME seconds
## and fails on any crash, leak or sanitizer report; what it found is
## left in tests/fuzz/work/.  In any other build, make fuzz-smoke makes
## such a build in fuzz-build/ and runs it there.

fuzz_targets = reader merge layout
FUZZ_TIME = 60

# The engine once, for all six programs.
check_LIBRARIES += tests/fuzz/libopas.a
tests_fuzz_libopas_a_SOURCES = $(opas_core_sources)
tests_fuzz_libopas_a_CFLAGS = $(src_opas_CFLAGS)

fuzz_cflags = $(AM_CFLAGS) $(XML_CFLAGS)
fuzz_ldadd = tests/fuzz/libopas.a $(src_opas_LDADD)
fuzz_common = tests/fuzz/common.c tests/fuzz/fuzz.h

check_PROGRAMS += tests/fuzz/replay-reader tests/fuzz/replay-merge \
	tests/fuzz/replay-layout
tests_fuzz_replay_reader_SOURCES = tests/fuzz/reader.c \
	tests/fuzz/standalone.c $(fuzz_common)
tests_fuzz_replay_reader_CFLAGS = $(fuzz_cflags)
tests_fuzz_replay_reader_LDADD = $(fuzz_ldadd)
tests_fuzz_replay_merge_SOURCES = tests/fuzz/merge.c \
	tests/fuzz/standalone.c $(fuzz_common)
tests_fuzz_replay_merge_CFLAGS = $(fuzz_cflags)
tests_fuzz_replay_merge_LDADD = $(fuzz_ldadd)
tests_fuzz_replay_layout_SOURCES = tests/fuzz/layout.c \
	tests/fuzz/standalone.c $(fuzz_common)
tests_fuzz_replay_layout_CFLAGS = $(fuzz_cflags)
tests_fuzz_replay_layout_LDADD = $(fuzz_ldadd)

# Built only by make fuzz-smoke (they need libFuzzer).
EXTRA_PROGRAMS += tests/fuzz/fuzz-reader tests/fuzz/fuzz-merge \
	tests/fuzz/fuzz-layout
CLEANFILES += $(fuzz_targets:%=tests/fuzz/fuzz-%$(EXEEXT))
tests_fuzz_fuzz_reader_SOURCES = tests/fuzz/reader.c $(fuzz_common)
tests_fuzz_fuzz_reader_CFLAGS = $(fuzz_cflags)
tests_fuzz_fuzz_reader_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_reader_LDADD = $(fuzz_ldadd)
tests_fuzz_fuzz_merge_SOURCES = tests/fuzz/merge.c $(fuzz_common)
tests_fuzz_fuzz_merge_CFLAGS = $(fuzz_cflags)
tests_fuzz_fuzz_merge_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_merge_LDADD = $(fuzz_ldadd)
tests_fuzz_fuzz_layout_SOURCES = tests/fuzz/layout.c $(fuzz_common)
tests_fuzz_fuzz_layout_CFLAGS = $(fuzz_cflags)
tests_fuzz_fuzz_layout_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_layout_LDADD = $(fuzz_ldadd)

TESTS += tests/fuzz/replay.sh
EXTRA_DIST += tests/fuzz/replay.sh tests/fuzz/xml.dict \
	tests/fuzz/corpus tests/fuzz/regress

if FUZZING
# The XML dictionary helps the two targets whose input is XML.
fuzz_dict_reader = -dict=$(srcdir)/tests/fuzz/xml.dict
fuzz_dict_merge = -dict=$(srcdir)/tests/fuzz/xml.dict
fuzz_dict_layout =

fuzz-smoke: $(fuzz_targets:%=tests/fuzz/fuzz-%$(EXEEXT))
	@fail=0; \
	for t in $(fuzz_targets); do \
		w=tests/fuzz/work/$$t; \
		rm -rf $$w; $(MKDIR_P) $$w; \
		dirs=$(srcdir)/tests/fuzz/corpus/$$t; \
		test ! -d $(srcdir)/tests/fuzz/regress/$$t || \
			dirs="$$dirs $(srcdir)/tests/fuzz/regress/$$t"; \
		case $$t in \
		reader) dict='$(fuzz_dict_reader)';; \
		merge) dict='$(fuzz_dict_merge)';; \
		*) dict=;; \
		esac; \
		echo "  FUZZ     $$t, $(FUZZ_TIME) s"; \
		if tests/fuzz/fuzz-$$t$(EXEEXT) -max_total_time=$(FUZZ_TIME) \
		    -timeout=30 -print_final_stats=1 \
		    -artifact_prefix=$$w/ $$dict $$w $$dirs \
		    > $$w.log 2>&1; then \
			sed -n 's/^stat::number_of_executed_units: */    executions: /p; s/^#[0-9]*.*DONE.*cov: \([0-9]*\).*corp: \([0-9]*\).*/    coverage: \1 edges, corpus: \2 inputs/p' $$w.log; \
		else \
			tail -n 60 $$w.log; \
			echo "FAIL: fuzz-$$t: see $$w.log and the input in $$w/" >&2; \
			fail=1; \
		fi; \
	done; \
	exit $$fail
else
# This build is not instrumented.  Make one that is in fuzz-build/,
# from a copy of the distributed tree (configure refuses a second build
# of a source tree that has an in-tree one), and fuzz there.
FUZZ_CC = clang
fuzz-smoke:
	@rm -rf fuzz-build
	@$(MKDIR_P) fuzz-build
	@$(MAKE) $(AM_MAKEFLAGS) distdir distdir=fuzz-build/src > /dev/null
	@$(MKDIR_P) fuzz-build/build
	@echo "  CONFIGURE fuzz-build/build: CC=$(FUZZ_CC) --enable-fuzzing"
	@cd fuzz-build/build && ../src/configure -q CC='$(FUZZ_CC)' \
	    --enable-fuzzing
	@cd fuzz-build/build && $(MAKE) $(AM_MAKEFLAGS) fuzz-smoke \
	    FUZZ_TIME='$(FUZZ_TIME)'
endif
.PHONY: fuzz-smoke

clean-local: clean-fuzz
clean-fuzz:
	-rm -rf tests/fuzz/work fuzz-build
.PHONY: clean-fuzz
