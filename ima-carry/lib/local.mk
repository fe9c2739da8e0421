# ima-carry/lib/local.mk - libimacarry: one concern per file.
lib_LTLIBRARIES += ima-carry/lib/libimacarry.la
include_HEADERS = ima-carry/lib/imacarry.h
pkgconfig_DATA = ima-carry/lib/libimacarry.pc

# Every object, every symbol: libimacarry.la is this behind the version
# script, and the unit tests of internal (ic_*) functions link it instead.
noinst_LTLIBRARIES += ima-carry/lib/libimacarry-internal.la
ima_carry_lib_libimacarry_internal_la_SOURCES = \
	ima-carry/lib/imacarry-internal.h \
	ima-carry/lib/error.c \
	ima-carry/lib/algo.c \
	ima-carry/lib/template.c \
	ima-carry/lib/field.c \
	ima-carry/lib/list.c \
	ima-carry/lib/ascii.c \
	ima-carry/lib/replay.c \
	ima-carry/lib/blob.c \
	ima-carry/lib/kbuf.c \
	ima-carry/lib/fdt.c \
	ima-carry/lib/snapshot.c
ima_carry_lib_libimacarry_internal_la_CFLAGS = $(AM_CFLAGS) $(ZLIB_CFLAGS) $(CRYPTO_CFLAGS) $(FDT_CFLAGS)
ima_carry_lib_libimacarry_internal_la_LIBADD = shared/libshared.la
# libfdt is an archive (configure.ac), which a libtool convenience library
# does not take in: whoever links the objects links it, and zlib, libcrypto.
IC_LIB_INTERNAL_LDADD = ima-carry/lib/libimacarry-internal.la \
	$(FDT_LIBS) $(ZLIB_LIBS) $(CRYPTO_LIBS)
ima_carry_lib_libimacarry_la_SOURCES =
ima_carry_lib_libimacarry_la_LIBADD = $(IC_LIB_INTERNAL_LDADD)
ima_carry_lib_libimacarry_la_LDFLAGS = $(AM_LDFLAGS) -version-info 0:0:0 \
	-Wl,--version-script=$(srcdir)/ima-carry/lib/libimacarry.sym
EXTRA_ima_carry_lib_libimacarry_la_DEPENDENCIES = ima-carry/lib/libimacarry.sym
EXTRA_DIST += ima-carry/lib/libimacarry.sym
# record.c: the load record for the shutdown hook (owned by shutdown/).
ima_carry_lib_libimacarry_internal_la_SOURCES += ima-carry/lib/record.c
