# tests/fuzz/local.mk - the hostile corpus runner, and libFuzzer harnesses.
#
# make check: run-corpus feeds every tests/corpus file to its checker and
# compares the code with tests/corpus/EXPECTED; each fuzz harness is also
# linked with fuzz-main.c (gcc, this build's sanitizers) and run over the
# whole corpus and every prefix of its small files, so that it can't rot.
# make fuzz: the same harnesses built with clang -fsanitize=fuzzer, run
# FUZZ_SECONDS each, seeded from the corpus; new inputs land in fuzz-work/.
IC_FUZZ_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/corpus
# Every symbol: the harnesses also drive internal (ic_*) functions.
IC_FUZZ_LDADD = $(IC_LIB_INTERNAL_LDADD)
EXTRA_DIST += tests/corpus/EXPECTED tests/corpus/gen-corpus.py \
	tests/corpus/list tests/corpus/blob tests/corpus/dtb

check_PROGRAMS += tests/corpus/run-corpus tests/fuzz/fuzz-list-regress \
	tests/fuzz/fuzz-blob-regress tests/fuzz/fuzz-dtb-regress
TESTS += tests/corpus/run-corpus tests/fuzz/fuzz-list-regress \
	tests/fuzz/fuzz-blob-regress tests/fuzz/fuzz-dtb-regress

tests_corpus_run_corpus_SOURCES = tests/corpus/run-corpus.c \
	tests/corpus/corpus-check.c tests/corpus/corpus-check.h
tests_corpus_run_corpus_CPPFLAGS = $(IC_FUZZ_CPPFLAGS)
tests_corpus_run_corpus_LDADD = $(IC_FUZZ_LDADD)

IC_FUZZ_REGRESS_COMMON = tests/fuzz/fuzz-main.c tests/corpus/corpus-check.c
tests_fuzz_fuzz_list_regress_SOURCES = tests/fuzz/fuzz-list.c \
	$(IC_FUZZ_REGRESS_COMMON)
tests_fuzz_fuzz_list_regress_CPPFLAGS = $(IC_FUZZ_CPPFLAGS)
tests_fuzz_fuzz_list_regress_LDADD = $(IC_FUZZ_LDADD)
tests_fuzz_fuzz_blob_regress_SOURCES = tests/fuzz/fuzz-blob.c \
	$(IC_FUZZ_REGRESS_COMMON)
tests_fuzz_fuzz_blob_regress_CPPFLAGS = $(IC_FUZZ_CPPFLAGS)
tests_fuzz_fuzz_blob_regress_CFLAGS = $(AM_CFLAGS) $(ZLIB_CFLAGS)
tests_fuzz_fuzz_blob_regress_LDADD = $(IC_FUZZ_LDADD) $(ZLIB_LIBS)
tests_fuzz_fuzz_dtb_regress_SOURCES = tests/fuzz/fuzz-dtb.c \
	$(IC_FUZZ_REGRESS_COMMON)
tests_fuzz_fuzz_dtb_regress_CPPFLAGS = $(IC_FUZZ_CPPFLAGS)
tests_fuzz_fuzz_dtb_regress_LDADD = $(IC_FUZZ_LDADD)

# ---- make fuzz (clang + libFuzzer; the library is built in, instrumented) ----
FUZZ_SECONDS = 60
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -include $(top_builddir)/config.h \
	-I$(top_srcdir)/ima-carry/lib -I$(top_srcdir)/tests/corpus \
	$(ZLIB_CFLAGS) $(CRYPTO_CFLAGS) $(FDT_CFLAGS)
IC_FUZZERS = list blob dtb

# Rebuilt on every run (seconds), then each run is bounded by FUZZ_SECONDS;
# a crash, a leak, an abort() or a hang (-timeout) fails make fuzz.
fuzz:
	@if test -z "$(CLANG)"; then echo "make fuzz: clang not found" >&2; exit 1; fi
	@set -e; $(MKDIR_P) fuzz-bin; for f in $(IC_FUZZERS); do \
		echo "  CLANG    fuzz-bin/fuzz-$$f"; \
		$(CLANG) $(FUZZ_FLAGS) -o fuzz-bin/fuzz-$$f \
			$(top_srcdir)/tests/fuzz/fuzz-$$f.c \
			$(top_srcdir)/tests/corpus/corpus-check.c \
			$(top_srcdir)/ima-carry/lib/*.c \
			$(FDT_LIBS) $(ZLIB_LIBS) $(CRYPTO_LIBS); \
	done
	@set -e; for f in $(IC_FUZZERS); do \
		$(MKDIR_P) fuzz-work/$$f; \
		echo "== fuzz-$$f: $(FUZZ_SECONDS) s"; \
		fuzz-bin/fuzz-$$f -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
			-rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=fuzz-work/$$f- \
			fuzz-work/$$f $(top_srcdir)/tests/corpus/$$f \
			2> fuzz-work/$$f.log || { tail -40 fuzz-work/$$f.log; exit 1; }; \
		grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added)' \
			fuzz-work/$$f.log; \
	done

PHONY_TARGETS += fuzz
CLEANFILES += fuzz-bin/fuzz-list fuzz-bin/fuzz-blob fuzz-bin/fuzz-dtb
