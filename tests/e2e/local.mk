# tests/e2e/local.mk - QEMU end-to-end scenarios (in make check), demo, e2e.
#
#   make demo   scenario 1 told as a story: PCR 10 before, what was carried,
#               PCR 10 after, replay = TPM (DEMO=x86_64: x86-carry1.sh on
#               Debian's stock amd64 kernel; DEMO=all: both)
#   make e2e    every scenario below (x86-kaslr.sh and x86-biglist.sh at
#               full size: E2E_KASLR_BOOTS=21, E2E_X86_BIG=100000)
# Both leave tests/e2e/out/{Image,kexec,ima-carry} (arm64, static) for reuse.
# The kernel and ccache are cached under /var/cache/ima-carry (build-kernel.sh).
# The x86-* scenarios (lib-x86.sh) boot Debian's stock amd64 kernels under
# TCG, cached there too (debian-kernel.sh), with the build tree's static
# kexec/out/x86_64/{kexec,ima-carry} (make check builds them first).
E2E_TESTS = \
	tests/e2e/control.sh \
	tests/e2e/carry1.sh \
	tests/e2e/carry3.sh \
	tests/e2e/corrupt.sh \
	tests/e2e/dump.sh \
	tests/e2e/biglist.sh \
	tests/e2e/mixed.sh \
	tests/e2e/linux612.sh \
	tests/e2e/carriers.sh \
	tests/e2e/buffer-stock.sh \
	tests/e2e/x86-control.sh \
	tests/e2e/x86-carry1.sh \
	tests/e2e/x86-carry3.sh \
	tests/e2e/x86-kaslr.sh \
	tests/e2e/x86-biglist.sh \
	tests/e2e/arm-control.sh \
	tests/e2e/arm-carry1.sh \
	tests/e2e/arm-carry3.sh \
	tests/e2e/arm-dump.sh \
	tests/e2e/ppc64le-control.sh \
	tests/e2e/ppc64le-carry1.sh \
	tests/e2e/ppc64le-carry3.sh \
	tests/e2e/ppc64le-dump.sh \
	tests/e2e/ppc64le-buffer.sh
TESTS += $(E2E_TESTS)
dist_check_SCRIPTS += $(E2E_TESTS) tests/e2e/build-kernel.sh \
	tests/e2e/debian-kexec.sh tests/e2e/demo.sh \
	tests/e2e/debian-kernel.sh
EXTRA_DIST += tests/e2e/lib.sh tests/e2e/guest-init tests/e2e/kernel.config \
	tests/e2e/lib-x86.sh tests/e2e/guest-x86 tests/e2e/x86-measure.c \
	tests/e2e/lib-cross.sh tests/e2e/lib-ppc64le.sh tests/e2e/lib-arm.sh \
	tests/e2e/guest-cross tests/e2e/kernel-ppc64le.config \
	tests/e2e/kernel-arm.config

# The guest's static aarch64 kexec and ima-carry come from kexec/local.mk;
# the scenarios take them from tests/e2e/out, like everyone else.  The stamp
# is in check_SCRIPTS so that make check builds them before the tests run.
check_SCRIPTS += tests/e2e/artifacts.stamp
CLEANFILES += tests/e2e/artifacts.stamp
tests/e2e/artifacts.stamp: kexec/out/aarch64/kexec kexec/out/aarch64/ima-carry
	$(AM_V_GEN)out=$(abs_top_srcdir)/tests/e2e/out; \
	{ $(MKDIR_P) "$$out" 2>/dev/null && test -w "$$out"; } || \
		out=$(abs_top_builddir)/tests/e2e/out; \
	$(MKDIR_P) "$$out" tests/e2e && \
	for f in kexec ima-carry; do \
		cp kexec/out/aarch64/$$f "$$out/.$$f.tmp" && \
		mv "$$out/.$$f.tmp" "$$out/$$f" || exit 1; \
	done && touch $@

# The x86 scenarios take the static x86_64 kexec and ima-carry from where
# kexec/local.mk builds them; the stamp only makes make check build them.
check_SCRIPTS += tests/e2e/artifacts-x86.stamp
CLEANFILES += tests/e2e/artifacts-x86.stamp
tests/e2e/artifacts-x86.stamp: kexec/out/x86_64/kexec kexec/out/x86_64/ima-carry
	$(AM_V_GEN)$(MKDIR_P) tests/e2e && touch $@

# The ppc64le-* and arm-* scenarios (lib-ppc64le.sh, lib-arm.sh, lib-cross.sh)
# take the static kexec and ima-carry from kexec/out/ppc64le and
# kexec/out/armhf likewise, and build their kernels with build-kernel.sh
# --arch (cached like arm64's).
check_SCRIPTS += tests/e2e/artifacts-cross.stamp
CLEANFILES += tests/e2e/artifacts-cross.stamp
tests/e2e/artifacts-cross.stamp: kexec/out/ppc64le/kexec \
		kexec/out/ppc64le/ima-carry kexec/out/armhf/kexec \
		kexec/out/armhf/ima-carry
	$(AM_V_GEN)$(MKDIR_P) tests/e2e && touch $@

E2E_ENV = top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)'

# make demo DEMO=x86_64 (or all): demo.sh's argument; arm64 by default.
DEMO = arm64
demo: all
	@case '$(DEMO)' in \
	arm64) st=tests/e2e/artifacts.stamp ;; \
	x86_64) st=tests/e2e/artifacts-x86.stamp ;; \
	*) st='tests/e2e/artifacts.stamp tests/e2e/artifacts-x86.stamp' ;; \
	esac; \
	$(MAKE) $(AM_MAKEFLAGS) $$st && \
	$(E2E_ENV) $(SHELL) $(top_srcdir)/tests/e2e/demo.sh '$(DEMO)'

# make check runs the two long x86 scenarios small (x86-kaslr.sh: 6 boots,
# x86-biglist.sh: 20k entries); make e2e at full size unless told otherwise.
E2E_FULL = E2E_KASLR_BOOTS=$${E2E_KASLR_BOOTS:-21} \
	E2E_X86_BIG=$${E2E_X86_BIG:-100000}
e2e: all tests/e2e/artifacts.stamp tests/e2e/artifacts-x86.stamp
	@$(E2E_FULL) $(MAKE) $(AM_MAKEFLAGS) check-TESTS TESTS='$(E2E_TESTS)'

clean-local: clean-local-e2e
clean-local-e2e:
	-rm -rf tests/e2e/work

PHONY_TARGETS += demo e2e clean-local-e2e
