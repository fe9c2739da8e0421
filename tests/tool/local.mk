# tests/tool/local.mk - shell tests of the ima-carry tool (fake securityfs, fake TPM).
# Included from ima-carry/tool/local.mk; run by automake's harness, 77 = skip.
IC_TOOL_TESTS = \
	tests/tool/usage.sh \
	tests/tool/dump.sh \
	tests/tool/pack.sh \
	tests/tool/roundtrip.sh \
	tests/tool/replay.sh \
	tests/tool/verify.sh \
	tests/tool/errors.sh \
	tests/tool/real.sh \
	tests/tool/corpus.sh \
	tests/tool/kbuf.sh
TESTS += $(IC_TOOL_TESTS)
EXTRA_DIST += $(IC_TOOL_TESTS) tests/tool/lib.sh

# The same tests with every ima-carry run under valgrind (a build without
# sanitizers; slow, so not part of make check).
check-tool-valgrind:
	IMACARRY_TOOL_VALGRIND=1 $(MAKE) $(AM_MAKEFLAGS) check \
		TESTS="$(IC_TOOL_TESTS)"
PHONY_TARGETS += check-tool-valgrind

# The live dump's one walk, counted: the tool's sources and every library
# object, so that --wrap sees the calls between them.
check_PROGRAMS += tests/tool/test-dump-walk
TESTS += tests/tool/test-dump-walk
tests_tool_test_dump_walk_SOURCES = tests/tool/test-dump-walk.c \
	ima-carry/tool/util.c ima-carry/tool/options.c \
	ima-carry/tool/input.c ima-carry/tool/json.c ima-carry/tool/dump.c
tests_tool_test_dump_walk_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) \
	$(FDT_CFLAGS) -I$(top_srcdir)/ima-carry/tool -I$(top_srcdir)/tests/lib
tests_tool_test_dump_walk_LDFLAGS = -Wl,--wrap=imacarry_list_next \
	-Wl,--wrap=ic_list_prefix -Wl,--wrap=imacarry_list_check
tests_tool_test_dump_walk_LDADD = $(IC_LIB_INTERNAL_LDADD) $(CMOCKA_LIBS)
