# tests/local.mk - unit tests of libimacarry (tests/lib/): one block per area

# ---- libblob: blob.c, fdt.c, snapshot.c, kind, the libtpms soft reboot ----
# (the other half of this file belongs to libcore; keep the blocks apart)
IC_BLOB_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CRYPTO_CFLAGS) \
	$(ZLIB_CFLAGS) $(FDT_CFLAGS)
IC_BLOB_LDADD = ima-carry/lib/libimacarry.la $(CMOCKA_LIBS) $(CRYPTO_LIBS) \
	$(ZLIB_LIBS) $(FDT_LIBS)
IC_BLOB_TESTS = tests/lib/test-blob tests/lib/test-fdt \
	tests/lib/test-snapshot tests/lib/test-kind tests/lib/test-kbuf
check_PROGRAMS += $(IC_BLOB_TESTS)
TESTS += $(IC_BLOB_TESTS)
EXTRA_DIST += tests/lib/blob-fixtures.h
tests_lib_test_blob_SOURCES = tests/lib/test-blob.c
tests_lib_test_blob_CFLAGS = $(IC_BLOB_CFLAGS)
tests_lib_test_blob_LDADD = $(IC_BLOB_LDADD)
tests_lib_test_fdt_SOURCES = tests/lib/test-fdt.c
tests_lib_test_fdt_CFLAGS = $(IC_BLOB_CFLAGS)
# ic_fdt_del() is internal: link every symbol.
tests_lib_test_fdt_LDADD = $(IC_LIB_INTERNAL_LDADD) $(CMOCKA_LIBS)
tests_lib_test_snapshot_SOURCES = tests/lib/test-snapshot.c
tests_lib_test_snapshot_CFLAGS = $(IC_BLOB_CFLAGS) -pthread
# ic_snapshot_count() is internal: link every symbol.
tests_lib_test_snapshot_LDADD = $(IC_LIB_INTERNAL_LDADD) $(CMOCKA_LIBS) \
	-lpthread
tests_lib_test_kind_SOURCES = tests/lib/test-kind.c
tests_lib_test_kind_CFLAGS = $(IC_BLOB_CFLAGS)
tests_lib_test_kind_LDADD = $(IC_BLOB_LDADD)
tests_lib_test_kbuf_SOURCES = tests/lib/test-kbuf.c
tests_lib_test_kbuf_CFLAGS = $(IC_BLOB_CFLAGS)
tests_lib_test_kbuf_LDADD = $(IC_BLOB_LDADD)
if HAVE_LIBTPMS
check_PROGRAMS += tests/lib/test-tpm-softreboot
TESTS += tests/lib/test-tpm-softreboot
endif
EXTRA_DIST += tests/lib/test-tpm-softreboot.c
tests_lib_test_tpm_softreboot_SOURCES = tests/lib/test-tpm-softreboot.c
tests_lib_test_tpm_softreboot_CFLAGS = $(IC_BLOB_CFLAGS) $(LIBTPMS_CFLAGS)
tests_lib_test_tpm_softreboot_LDADD = $(IC_BLOB_LDADD) $(LIBTPMS_LIBS)
# nm -D: only imacarry_* leave the library, and libfdt stays inside it.
TESTS += tests/lib/test-exports.sh
EXTRA_DIST += tests/lib/test-exports.sh
# ---- end libblob ----

# ---- shutdown: record.c, the load record for the shutdown hook ----
# (owned by the shutdown area; its shell tests live in shutdown/local.mk)
check_PROGRAMS += tests/lib/test-record
TESTS += tests/lib/test-record
tests_lib_test_record_SOURCES = tests/lib/test-record.c
tests_lib_test_record_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_lib_test_record_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/kexec
tests_lib_test_record_LDADD = ima-carry/lib/libimacarry.la $(CMOCKA_LIBS)
# ---- end shutdown ----

# ---- libcore: error.c, template.c, list.c, ascii.c, replay.c, real lists ----
# (owned by libcore; the fixtures come from the independent generator)
IC_CORE_FIXTURES = tests/gen/fixtures
IC_CORE_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CRYPTO_CFLAGS) \
	-DIC_FIXTURES='"$(abs_top_builddir)/$(IC_CORE_FIXTURES)"' \
	-DIC_IMAGEN='"$(abs_top_srcdir)/tests/gen/imagen.py"'
IC_CORE_LDADD = ima-carry/lib/libimacarry.la $(CMOCKA_LIBS) $(CRYPTO_LIBS)
IC_CORE_TESTS = tests/lib/test-error tests/lib/test-template \
	tests/lib/test-list tests/lib/test-field tests/lib/test-ascii \
	tests/lib/test-replay tests/lib/test-real
check_PROGRAMS += $(IC_CORE_TESTS)
TESTS += $(IC_CORE_TESTS)
EXTRA_DIST += tests/gen/imagen.py tests/lib/test-core.h tests/lib/test-file.h
tests_lib_test_error_SOURCES = tests/lib/test-error.c
tests_lib_test_error_CFLAGS = $(IC_CORE_CFLAGS)
tests_lib_test_error_LDADD = $(IC_CORE_LDADD)
# The template parser is internal (ic_*, not exported): link its source.
tests_lib_test_template_SOURCES = tests/lib/test-template.c \
	ima-carry/lib/template.c
tests_lib_test_template_CFLAGS = $(IC_CORE_CFLAGS)
tests_lib_test_template_LDADD = $(CMOCKA_LIBS)
tests_lib_test_list_SOURCES = tests/lib/test-list.c
tests_lib_test_list_CFLAGS = $(IC_CORE_CFLAGS)
# ic_list_prefix() is internal: link every symbol.
tests_lib_test_list_LDADD = $(IC_LIB_INTERNAL_LDADD) $(CMOCKA_LIBS)
EXTRA_tests_lib_test_list_DEPENDENCIES = $(IC_CORE_FIXTURES)/INDEX
tests_lib_test_field_SOURCES = tests/lib/test-field.c
tests_lib_test_field_CFLAGS = $(IC_CORE_CFLAGS)
tests_lib_test_field_LDADD = $(IC_CORE_LDADD)
tests_lib_test_ascii_SOURCES = tests/lib/test-ascii.c
tests_lib_test_ascii_CFLAGS = $(IC_CORE_CFLAGS)
tests_lib_test_ascii_LDADD = $(IC_CORE_LDADD)
EXTRA_tests_lib_test_ascii_DEPENDENCIES = $(IC_CORE_FIXTURES)/INDEX
tests_lib_test_replay_SOURCES = tests/lib/test-replay.c
tests_lib_test_replay_CFLAGS = $(IC_CORE_CFLAGS)
tests_lib_test_replay_LDADD = $(IC_CORE_LDADD)
EXTRA_tests_lib_test_replay_DEPENDENCIES = $(IC_CORE_FIXTURES)/INDEX
tests_lib_test_real_SOURCES = tests/lib/test-real.c
tests_lib_test_real_CFLAGS = $(IC_CORE_CFLAGS)
tests_lib_test_real_LDADD = $(IC_CORE_LDADD)
# Generated in the build tree, never committed: INDEX is written last.
$(IC_CORE_FIXTURES)/INDEX: $(top_srcdir)/tests/gen/imagen.py
	$(AM_V_GEN)$(MKDIR_P) $(IC_CORE_FIXTURES) && \
	python3 $(top_srcdir)/tests/gen/imagen.py --fixtures $(IC_CORE_FIXTURES)
CLEANFILES += $(IC_CORE_FIXTURES)/INDEX $(IC_CORE_FIXTURES)/*.bin \
	$(IC_CORE_FIXTURES)/*.ascii $(IC_CORE_FIXTURES)/*.pcrs
# ---- end libcore ----
