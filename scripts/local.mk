# scripts/local.mk - the patch series, generated from the files that exist once.
#
#   make series   regenerate kexec/patches*/ and kernel-patch/VERSION/ in the
#                 source tree (scripts/series.sh; format in docs/SERIES.md)
# tests/series.sh, in make check, fails when a committed series is not what
# make series would write.
EXTRA_DIST += scripts/gen-series scripts/series.sh docs/SERIES.md \
	kernel-patch/ima_carry.c kernel-patch/IMA-carry.rst \
	kernel-patch/series/series.cover \
	kernel-patch/series/0001-restore-buffer-size.edit \
	kernel-patch/series/0002-restore-resched.edit \
	kernel-patch/series/0003-restore-fmt-bound.edit \
	kernel-patch/series/0004-restore-escape.edit \
	kernel-patch/series/0004a-show-digest.edit \
	kernel-patch/series/0005-restore-all-or-nothing.edit \
	kernel-patch/series/0006-receive-without-kexec-file.edit \
	kernel-patch/series/0007-ima-carry.edit \
	kernel-patch/series/0008-docs.edit \
	kernel-patch/series/0009-of-kexec.edit
TESTS += tests/series.sh
dist_check_SCRIPTS += tests/series.sh

series:
	$(SHELL) $(top_srcdir)/scripts/series.sh
PHONY_TARGETS += series
