# bench/local.mk - `make bench`: figures against evmctl and the hashing/deflate floors
#
# `make bench` measures; `make bench BENCH_QUICK=1` only checks that every
# measured command works and agrees (bench/bench-quick.sh runs that mode in
# `make check`). Results: $(top_builddir)/bench/results.json (quick mode:
# results-quick.json); generated lists are cached in $(top_builddir)/bench/data.

# The floors are built for the check too, since the quick test runs them.
check_PROGRAMS += bench/hashfloor bench/zfloor
bench_hashfloor_SOURCES = bench/hashfloor.c bench/map.h bench/map.c
bench_hashfloor_CFLAGS = $(AM_CFLAGS) $(CRYPTO_CFLAGS)
bench_hashfloor_LDADD = $(CRYPTO_LIBS)
bench_zfloor_SOURCES = bench/zfloor.c bench/map.h bench/map.c
bench_zfloor_CFLAGS = $(AM_CFLAGS) $(ZLIB_CFLAGS)
bench_zfloor_LDADD = $(ZLIB_LIBS)

TESTS += bench/bench-quick.sh
EXTRA_DIST += bench/run-bench bench/bench-quick.sh bench/README.md

BENCHPY = python3
BENCH_QUICK =
BENCH_ARGS =

bench: all bench/hashfloor$(EXEEXT) bench/zfloor$(EXEEXT)
	quick='$(BENCH_QUICK)'; \
	BENCH_SAN_CFLAGS='$(SAN_CFLAGS)' BENCH_CFLAGS='$(CFLAGS)' \
	$(BENCHPY) $(srcdir)/bench/run-bench \
		--srcdir '$(abs_top_srcdir)' --builddir '$(abs_top_builddir)' \
		$${quick:+--quick} $(BENCH_ARGS)
PHONY_TARGETS += bench

clean-local: clean-local-bench
clean-local-bench:
	-rm -rf bench/work bench/work-quick bench/results.json \
		bench/results-quick.json
distclean-local: distclean-local-bench
distclean-local-bench:
	-rm -rf bench/data
PHONY_TARGETS += clean-local-bench distclean-local-bench
