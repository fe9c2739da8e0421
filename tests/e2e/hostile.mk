# tests/e2e/hostile.mk - the scenarios of the hostile kernel (hostile-lib.sh),
# of the PCR 10 diagnosis, of the all-or-nothing restore and of the crash
# kernel, in make check and make e2e.
#
#   make e2e-hostile   the whole hostile-blob campaign: hostile.sh with
#                      HOSTILE_CASES=210 (HOSTILE_SEED=1), where make check
#                      runs its first 24 cases
HOSTILE_TESTS = \
	tests/e2e/hostile.sh \
	tests/e2e/hostile-kbuf.sh \
	tests/e2e/hostile-stale.sh \
	tests/e2e/rollback.sh \
	tests/e2e/kdump.sh \
	tests/e2e/acpi.sh
E2E_TESTS += $(HOSTILE_TESTS)
EXTRA_DIST += tests/e2e/hostile.mk tests/e2e/hostile-lib.sh \
	tests/e2e/hostile-gen.py tests/e2e/hostile-judge.py \
	tests/e2e/kernel-acpi.config tests/e2e/kernel-kasan.config \
	tests/e2e/kernel-nokexecfile.config tests/e2e/kernel-kdump.config

e2e-hostile: all
	@HOSTILE_CASES=$${HOSTILE_CASES:-210} $(MAKE) $(AM_MAKEFLAGS) \
		check-TESTS TESTS='tests/e2e/hostile.sh'
PHONY_TARGETS += e2e-hostile
