# tests/kernel/local.mk - the kernel patch's own parser, run in userspace.
# kparse.c includes kernel-patch/ima_carry.c, the file the generated series
# ship, and compiles it unchanged over small shims (tests/kernel/shim/), so
# the tests check exactly the code a kernel gets.

# The generated series: keep in step with kernel-patch/series/*.edit.
EXTRA_DIST += kernel-patch/README.md \
	kernel-patch/6.1/0000-cover-letter.patch \
	kernel-patch/6.1/0001-ima-check-the-restored-list-s-buffer_size-against-it.patch \
	kernel-patch/6.1/0002-ima-reschedule-while-restoring-a-measurement-list.patch \
	kernel-patch/6.1/0003-ima-bound-the-template-formats-a-restored-list-may-a.patch \
	kernel-patch/6.1/0004-ima-escape-template-names-from-a-restored-list-in-lo.patch \
	kernel-patch/6.1/0005-ima-do-not-read-past-a-restored-digest-field-without.patch \
	kernel-patch/6.1/0006-ima-restore-a-measurement-list-all-or-nothing.patch \
	kernel-patch/6.1/0007-ima-restore-linux-ima-kexec-buffer-without-KEXEC_FIL.patch \
	kernel-patch/6.1/0008-ima-restore-a-measurement-list-carried-across-kexec_.patch \
	kernel-patch/6.1/0009-docs-security-describe-the-linux-ima-carry-chosen-pr.patch \
	kernel-patch/6.1/0010-of-kexec-drop-a-stale-linux-ima-carry-from-the-next-.patch \
	kernel-patch/6.12/0000-cover-letter.patch \
	kernel-patch/6.12/0001-ima-check-the-restored-list-s-buffer_size-against-it.patch \
	kernel-patch/6.12/0002-ima-reschedule-while-restoring-a-measurement-list.patch \
	kernel-patch/6.12/0003-ima-bound-the-template-formats-a-restored-list-may-a.patch \
	kernel-patch/6.12/0004-ima-escape-template-names-from-a-restored-list-in-lo.patch \
	kernel-patch/6.12/0005-ima-do-not-read-past-a-restored-digest-field-without.patch \
	kernel-patch/6.12/0006-ima-restore-a-measurement-list-all-or-nothing.patch \
	kernel-patch/6.12/0007-ima-restore-linux-ima-kexec-buffer-without-KEXEC_FIL.patch \
	kernel-patch/6.12/0008-ima-restore-a-measurement-list-carried-across-kexec_.patch \
	kernel-patch/6.12/0009-docs-security-describe-the-linux-ima-carry-chosen-pr.patch \
	kernel-patch/6.12/0010-of-kexec-drop-a-stale-linux-ima-carry-from-the-next-.patch \
	tests/kernel/shim/kshim.h \
	tests/kernel/shim/ima.h tests/kernel/shim/asm/unaligned.h \
	tests/kernel/shim/linux/crc32.h tests/kernel/shim/linux/init.h \
	tests/kernel/shim/linux/kernel.h tests/kernel/shim/linux/list.h \
	tests/kernel/shim/linux/math64.h tests/kernel/shim/linux/mm.h \
	tests/kernel/shim/linux/of.h tests/kernel/shim/linux/sizes.h \
	tests/kernel/shim/linux/slab.h tests/kernel/shim/linux/string.h \
	tests/kernel/shim/linux/unaligned.h tests/kernel/shim/linux/zlib.h \
	tests/kernel/shim/linux/crash_dump.h tests/kernel/shim/linux/libfdt.h \
	tests/kernel/shim/linux/of_fdt.h tests/kernel/shim/linux/sched.h \
	tests/kernel/shim/linux/tpm.h tests/kernel/shim/crypto/hash.h

# The parser and the fakes it runs against; only this library sees the
# shim headers, so they never shadow the system's for anything else.
check_LIBRARIES += tests/kernel/libkparse.a
tests_kernel_libkparse_a_SOURCES = tests/kernel/kparse.c \
	tests/kernel/kshim.c tests/kernel/kparse.h
tests_kernel_libkparse_a_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/kernel-patch \
	-I$(srcdir)/tests/kernel/shim
tests_kernel_libkparse_a_CFLAGS = $(AM_CFLAGS) $(ZLIB_CFLAGS) $(FDT_CFLAGS) \
	$(CRYPTO_CFLAGS)

check_PROGRAMS += tests/kernel/test-kparse tests/kernel/kcorpus
tests_kernel_test_kparse_SOURCES = tests/kernel/test-kparse.c
tests_kernel_test_kparse_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(ZLIB_CFLAGS) \
	$(CRYPTO_CFLAGS)
tests_kernel_test_kparse_LDADD = tests/kernel/libkparse.a \
	ima-carry/lib/libimacarry.la $(CMOCKA_LIBS) $(ZLIB_LIBS) $(FDT_LIBS) \
	$(CRYPTO_LIBS)
tests_kernel_kcorpus_SOURCES = tests/kernel/kcorpus.c
tests_kernel_kcorpus_CFLAGS = $(AM_CFLAGS) $(ZLIB_CFLAGS) $(FDT_CFLAGS)
tests_kernel_kcorpus_LDADD = tests/kernel/libkparse.a $(FDT_LIBS) $(ZLIB_LIBS) \
	$(CRYPTO_LIBS)

TESTS += tests/kernel/test-kparse tests/kernel/corpus.sh \
	tests/kernel/series.sh
dist_check_SCRIPTS += tests/kernel/corpus.sh tests/kernel/series.sh

# make fuzz: libFuzzer over the kernel parser (clang only). KFUZZ_TIME (by
# default FUZZ_SECONDS) is how long it runs; findings land in
# tests/kernel/fuzz-out/.
KFUZZ_TIME = $(FUZZ_SECONDS)
KFUZZ_SRC = $(srcdir)/tests/kernel/fuzz-kparse.c \
	$(srcdir)/tests/kernel/kparse.c $(srcdir)/tests/kernel/kshim.c
EXTRA_DIST += tests/kernel/fuzz-kparse.c
tests/kernel/fuzz-kparse: $(KFUZZ_SRC) $(srcdir)/kernel-patch/ima_carry.c \
		$(srcdir)/tests/kernel/shim/kshim.h
	@test -n "$(CLANG)" || { echo "fuzz-kernel: clang not found" >&2; exit 1; }
	$(AM_V_CCLD)$(CLANG) -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -include $(top_builddir)/config.h \
		-I$(srcdir)/kernel-patch -I$(srcdir)/tests/kernel/shim \
		-I$(srcdir)/tests/kernel $(ZLIB_CFLAGS) $(FDT_CFLAGS) \
		$(CRYPTO_CFLAGS) -o $@ $(KFUZZ_SRC) $(ZLIB_LIBS) $(FDT_LIBS) \
		$(CRYPTO_LIBS)
CLEANFILES += tests/kernel/fuzz-kparse

fuzz-kernel: tests/kernel/fuzz-kparse
	$(MKDIR_P) tests/kernel/fuzz-out tests/kernel/fuzz-corpus
	tests/kernel/fuzz-kparse -max_total_time=$(KFUZZ_TIME) \
		-artifact_prefix=tests/kernel/fuzz-out/ \
		tests/kernel/fuzz-corpus $(srcdir)/tests/corpus/blob
PHONY_TARGETS += fuzz-kernel
fuzz: fuzz-kernel
