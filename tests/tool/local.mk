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
