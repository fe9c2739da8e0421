# kexec/local.mk - kexec-tools with the --ima-carry series, native and aarch64.
#
#   make kexec            both builds below
#   make kexec-native     kexec/out/kexec: this machine's kexec
#   make kexec-aarch64    kexec/out/aarch64/kexec and kexec/out/aarch64/ima-carry,
#                         static, for the QEMU guest's initramfs
#   make kexec-2.0.29     kexec/out/2.0.29/{kexec,aarch64/kexec}: the series
#                         rebased on Debian 13's kexec-tools 2.0.29 (stretch)
#
# kexec/build.sh does the work (see kexec/README.md); the first run needs
# root and the network for `apt-get source kexec-tools` and the arm64 -dev
# packages. Unchanged inputs are served from /var/cache/ima-carry.
KEXEC_PATCHES = \
	kexec/patches/0001-kexec-remove-stale-IMA-carriers-from-the-next-kernel.patch \
	kexec/patches/0002-kexec-add-ima-carry-to-carry-the-IMA-measurement-lis.patch \
	kexec/patches/0003-kexec-add-dry-run-to-stop-right-before-kexec_load.patch \
	kexec/patches/0004-kexec-record-an-ima-carry-load-for-a-refresh-at-shut.patch
KEXEC_SH = kexec/build.sh kexec/fetch-source.sh kexec/cross-deps.sh
EXTRA_DIST += $(KEXEC_PATCHES) $(KEXEC_SH) kexec/README.md

# Whatever goes into the builds: the series, the scripts, the library (and,
# for aarch64, the tool), and the configure script both sub-builds run.
KEXEC_DEPS = $(KEXEC_PATCHES) $(KEXEC_SH) $(top_srcdir)/configure \
	$(ima_carry_lib_libimacarry_la_SOURCES) ima-carry/lib/libimacarry.sym
# build.sh runs make -j2 itself: one build at a time keeps it to two cores.
KEXEC_LOCK = $(MKDIR_P) kexec && flock kexec/.build.lock
KEXEC_BUILD = $(KEXEC_LOCK) $(SHELL) $(top_srcdir)/kexec/build.sh
KEXEC_BUILD_2029 = $(KEXEC_LOCK) env IMACARRY_KEXEC_TOOLS=2.0.29 \
	$(SHELL) $(top_srcdir)/kexec/build.sh

kexec/out/kexec: $(KEXEC_DEPS)
	$(AM_V_GEN)$(KEXEC_BUILD) native $(top_srcdir) kexec/native kexec/out

kexec/out/aarch64/kexec: $(KEXEC_DEPS) $(ima_carry_tool_ima_carry_SOURCES)
	$(AM_V_GEN)$(KEXEC_BUILD) aarch64 $(top_srcdir) kexec/aarch64 \
		kexec/out/aarch64

# The same build.sh run writes both aarch64 binaries.
kexec/out/aarch64/ima-carry: kexec/out/aarch64/kexec
	@test -f $@ || { echo "$@ was not built" >&2; exit 1; }

# Stretch: the same series rebased on Debian 13's kexec-tools 2.0.29 (not in
# make check; tests/kexec/*.sh run against it with IMACARRY_TEST_KEXEC=2.0.29).
KEXEC_PATCHES_2029 = \
	kexec/patches-2.0.29/0001-kexec-remove-stale-IMA-carriers-from-the-next-kernel.patch \
	kexec/patches-2.0.29/0002-kexec-add-ima-carry-to-carry-the-IMA-measurement-lis.patch \
	kexec/patches-2.0.29/0003-kexec-add-dry-run-to-stop-right-before-kexec_load.patch \
	kexec/patches-2.0.29/0004-kexec-record-an-ima-carry-load-for-a-refresh-at-shut.patch
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
kexec: kexec-native kexec-aarch64

clean-local: clean-local-kexec
clean-local-kexec:
	-rm -rf kexec/native kexec/aarch64 kexec/2.0.29 kexec/out kexec/.build.lock

PHONY_TARGETS += kexec kexec-native kexec-aarch64 kexec-2.0.29 clean-local-kexec

include tests/kexec/local.mk
