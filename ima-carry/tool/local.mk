# ima-carry/tool/local.mk - the ima-carry tool, its man page and its tests.
# The tool reads securityfs and feeds kexec: an admin command, so sbin.
sbin_PROGRAMS += ima-carry/tool/ima-carry
dist_man_MANS += ima-carry/tool/ima-carry.8

ima_carry_tool_ima_carry_SOURCES = \
	ima-carry/tool/tool.h \
	ima-carry/tool/ima-carry.c \
	ima-carry/tool/util.c \
	ima-carry/tool/options.c \
	ima-carry/tool/input.c \
	ima-carry/tool/json.h \
	ima-carry/tool/json.c \
	ima-carry/tool/dump.c \
	ima-carry/tool/pack.c \
	ima-carry/tool/inject.c \
	ima-carry/tool/extract.c \
	ima-carry/tool/replay.c \
	ima-carry/tool/verify.c \
	ima-carry/tool/check.c
# libfdt only for its header's fdt_totalsize(); nothing of it is linked.
ima_carry_tool_ima_carry_CFLAGS = $(AM_CFLAGS) $(FDT_CFLAGS)
ima_carry_tool_ima_carry_LDADD = ima-carry/lib/libimacarry.la shared/libshared.la

include tests/tool/local.mk
