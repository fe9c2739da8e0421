# tests/kexec/local.mk - host tests of kexec --ima-carry: dry runs, no reboot.
# Included from kexec/local.mk; run by automake's harness, 77 = skip.
IC_KEXEC_TESTS = \
	tests/kexec/carry.sh \
	tests/kexec/kbuf.sh \
	tests/kexec/refuse.sh \
	tests/kexec/stale.sh
TESTS += $(IC_KEXEC_TESTS)
EXTRA_DIST += $(IC_KEXEC_TESTS) tests/kexec/lib.sh
# The tests run the builds; make check makes them first.
check_SCRIPTS += kexec/out/kexec kexec/out/aarch64/kexec \
	kexec/out/aarch64/ima-carry
