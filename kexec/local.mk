# kexec/local.mk - kexec-tools with the --ima-carry series, native and aarch64.
#
#   make kexec            the three builds below
#   make kexec-native     kexec/out/kexec: this machine's kexec
#   make kexec-aarch64    kexec/out/aarch64/kexec and kexec/out/aarch64/ima-carry,
#                         static, for the QEMU guest's initramfs
#   make kexec-x86_64     kexec/out/x86_64/kexec and kexec/out/x86_64/ima-carry,
#                         static, likewise
#   make kexec-ppc64le    kexec/out/ppc64le/{kexec,ima-carry}, static, for the
#                         ppc64le (pseries) guest; not part of make kexec
#   make kexec-armhf      kexec/out/armhf/{kexec,ima-carry}, static, for the
#                         32-bit arm (virt) guest; not part of make kexec
#   make kexec-2.0.29     kexec/out/2.0.29/{kexec,aarch64/kexec}: the series
#                         generated for Debian 13's kexec-tools 2.0.29 (stretch)
#   make series           regenerate kexec/patches* and kernel-patch/*/ from
#                         the edit files (scripts/gen-series, docs/SERIES.md)
#
# kexec/build.sh does the work (see kexec/README.md); the first run needs
# root and the network for `apt-get source kexec-tools` and the arm64 -dev
# packages. Unchanged inputs are served from /var/cache/ima-carry.
KEXEC_GLUE = kexec/ima-carry.c kexec/ima-carry.h kexec/ima-carry-argv.h
KEXEC_EDITS = \
	kexec/series/0001-stale-carriers.edit \
	kexec/series/0002-ima-carry.edit \
	kexec/series/0003-dry-run.edit \
	kexec/series/0004-record.edit \
	kexec/series/0005-kexec-buffer.edit \
	kexec/series/0008-arm-ima-carry.edit
EXTRA_DIST += $(KEXEC_GLUE) $(KEXEC_EDITS)
KEXEC_PATCHES = \
	kexec/patches/0001-kexec-remove-stale-IMA-carriers-from-the-next-kernel.patch \
	kexec/patches/0002-kexec-add-ima-carry-to-carry-the-IMA-measurement-lis.patch \
	kexec/patches/0003-kexec-add-dry-run-to-stop-right-before-kexec_load.patch \
	kexec/patches/0004-kexec-record-an-ima-carry-load-for-a-refresh-at-shut.patch \
	kexec/patches/0005-kexec-carry-the-IMA-list-where-unmodified-kernels-re.patch \
	kexec/patches/0006-kexec-carry-the-IMA-list-on-32-bit-arm-too.patch
KEXEC_SH = kexec/build.sh kexec/fetch-source.sh kexec/cross-deps.sh \
	kexec/kexec-tools.sh
EXTRA_DIST += $(KEXEC_PATCHES) $(KEXEC_SH) kexec/README.md

# Whatever goes into the builds: the series, the glue, the scripts and the
# library (and, for the static targets, the tool).
KEXEC_DEPS = $(KEXEC_PATCHES) $(KEXEC_SH) $(KEXEC_GLUE) \
	$(shared_libshared_la_SOURCES) $(ima_carry_lib_libimacarry_internal_la_SOURCES) \
	ima-carry/lib/libimacarry.sym
# build.sh runs make -j2 itself: one build at a time keeps it to two cores.
# It compiles the library and the tool from the lists automake has.
KEXEC_LOCK = $(MKDIR_P) kexec && flock kexec/.build.lock
KEXEC_ENV = IMACARRY_VERSION='$(PACKAGE_VERSION)' \
	IMACARRY_LIB_SRCS='$(shared_libshared_la_SOURCES) $(ima_carry_lib_libimacarry_internal_la_SOURCES)' \
	IMACARRY_TOOL_SRCS='$(ima_carry_tool_ima_carry_SOURCES)'
KEXEC_BUILD = $(KEXEC_LOCK) env $(KEXEC_ENV) \
	$(SHELL) $(top_srcdir)/kexec/build.sh
KEXEC_BUILD_2029 = $(KEXEC_LOCK) env $(KEXEC_ENV) IMACARRY_KEXEC_TOOLS=2.0.29 \
	$(SHELL) $(top_srcdir)/kexec/build.sh

kexec/out/kexec: $(KEXEC_DEPS)
	$(AM_V_GEN)$(KEXEC_BUILD) native $(top_srcdir) kexec/native kexec/out

kexec/out/aarch64/kexec: $(KEXEC_DEPS) $(ima_carry_tool_ima_carry_SOURCES)
	$(AM_V_GEN)$(KEXEC_BUILD) aarch64 $(top_srcdir) kexec/aarch64 \
		kexec/out/aarch64

kexec/out/x86_64/kexec: $(KEXEC_DEPS) $(ima_carry_tool_ima_carry_SOURCES)
	$(AM_V_GEN)$(KEXEC_BUILD) x86_64 $(top_srcdir) kexec/x86_64 \
		kexec/out/x86_64

kexec/out/ppc64le/kexec: $(KEXEC_DEPS) $(ima_carry_tool_ima_carry_SOURCES)
	$(AM_V_GEN)$(KEXEC_BUILD) ppc64le $(top_srcdir) kexec/ppc64le \
		kexec/out/ppc64le

kexec/out/armhf/kexec: $(KEXEC_DEPS) $(ima_carry_tool_ima_carry_SOURCES)
	$(AM_V_GEN)$(KEXEC_BUILD) armhf $(top_srcdir) kexec/armhf \
		kexec/out/armhf

# The same build.sh run writes both binaries of a static target.
kexec/out/aarch64/ima-carry: kexec/out/aarch64/kexec
	@test -f $@ || { echo "$@ was not built" >&2; exit 1; }
kexec/out/x86_64/ima-carry: kexec/out/x86_64/kexec
	@test -f $@ || { echo "$@ was not built" >&2; exit 1; }
kexec/out/ppc64le/ima-carry: kexec/out/ppc64le/kexec
	@test -f $@ || { echo "$@ was not built" >&2; exit 1; }
kexec/out/armhf/ima-carry: kexec/out/armhf/kexec
	@test -f $@ || { echo "$@ was not built" >&2; exit 1; }

# Stretch: the same series generated for Debian 13's kexec-tools 2.0.29 (not in
# make check; tests/kexec/*.sh run against it with IMACARRY_TEST_KEXEC=2.0.29).
KEXEC_PATCHES_2029 = \
	kexec/patches-2.0.29/0001-kexec-remove-stale-IMA-carriers-from-the-next-kernel.patch \
	kexec/patches-2.0.29/0002-kexec-add-ima-carry-to-carry-the-IMA-measurement-lis.patch \
	kexec/patches-2.0.29/0003-kexec-add-dry-run-to-stop-right-before-kexec_load.patch \
	kexec/patches-2.0.29/0004-kexec-record-an-ima-carry-load-for-a-refresh-at-shut.patch \
	kexec/patches-2.0.29/0005-kexec-carry-the-IMA-list-where-unmodified-kernels-re.patch \
	kexec/patches-2.0.29/0006-kexec-carry-the-IMA-list-on-32-bit-arm-too.patch
EXTRA_DIST += $(KEXEC_PATCHES_2029)

kexec/out/2.0.29/kexec: $(KEXEC_DEPS) $(KEXEC_PATCHES_2029)
	$(AM_V_GEN)$(KEXEC_BUILD_2029) native \
		$(top_srcdir) kexec/2.0.29/native kexec/out/2.0.29

kexec/out/2.0.29/aarch64/kexec: $(KEXEC_DEPS) $(KEXEC_PATCHES_2029) \
		$(ima_carry_tool_ima_carry_SOURCES)
	$(AM_V_GEN)$(KEXEC_BUILD_2029) aarch64 \
		$(top_srcdir) kexec/2.0.29/aarch64 kexec/out/2.0.29/aarch64

kexec-2.0.29: kexec/out/2.0.29/kexec kexec/out/2.0.29/aarch64/kexec
kexec-native: kexec/out/kexec
kexec-aarch64: kexec/out/aarch64/kexec kexec/out/aarch64/ima-carry
kexec-x86_64: kexec/out/x86_64/kexec kexec/out/x86_64/ima-carry
kexec-ppc64le: kexec/out/ppc64le/kexec kexec/out/ppc64le/ima-carry
kexec-armhf: kexec/out/armhf/kexec kexec/out/armhf/ima-carry
kexec: kexec-native kexec-aarch64 kexec-x86_64

clean-local: clean-local-kexec
clean-local-kexec:
	-rm -rf kexec/native kexec/aarch64 kexec/x86_64 kexec/ppc64le \
		kexec/armhf kexec/2.0.29 kexec/out \
		kexec/.build.lock

PHONY_TARGETS += kexec kexec-native kexec-aarch64 kexec-x86_64 kexec-2.0.29 \
	kexec-ppc64le kexec-armhf \
	clean-local-kexec

include tests/kexec/local.mk
