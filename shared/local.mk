# shared/local.mk - helpers built into both the library and the tool.
noinst_LTLIBRARIES += shared/libshared.la
shared_libshared_la_SOURCES = \
	shared/util.h \
	shared/hex.c \
	shared/io.c
