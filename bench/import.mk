# bench/import.mk - make bench also times the kernel's import: ima-carry's
# own cost against upstream's restore of the same list, in the same kernel
# (bench/import-time.sh; IMPORT_SIZES, IMPORT_RUNS, IMPORT_SLOB=1). Results:
# $(top_builddir)/bench/import-time.json.
EXTRA_DIST += bench/import.mk bench/import-time.sh tests/e2e/kernel-slob.config

bench: bench-import
bench-import:
	@$(E2E_ENV) $(SHELL) $(top_srcdir)/bench/import-time.sh
PHONY_TARGETS += bench-import
clean-local: clean-local-bench-import
clean-local-bench-import:
	-rm -f bench/import-time.json
PHONY_TARGETS += clean-local-bench-import
