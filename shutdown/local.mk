# shutdown/local.mk - the systemd-shutdown hook, the Debian drop-in, their tests.
# systemshutdowndir and kexecdefaultdir come from configure (fixed system
# paths by default); `make install systemshutdowndir=…` works too.
dist_systemshutdown_SCRIPTS = shutdown/ima-carry.shutdown
dist_kexecdefault_DATA = shutdown/kexec.d/ima-carry
dist_man_MANS += shutdown/ima-carry.shutdown.8
EXTRA_DIST += shutdown/README.md

# distcheck installs as a user under a scratch prefix: keep these in it.
AM_DISTCHECK_CONFIGURE_FLAGS = \
	systemshutdowndir="$$dc_install_base/lib/systemd/system-shutdown" \
	kexecdefaultdir="$$dc_install_base/etc/default/kexec.d"

# The hook's logic against a fake securityfs and a fake kexec.
SHUTDOWN_TESTS = \
	tests/shutdown/noop.sh \
	tests/shutdown/converge.sh \
	tests/shutdown/giveup.sh \
	tests/shutdown/kexec-fails.sh \
	tests/shutdown/mount.sh \
	tests/shutdown/roundtrip.sh \
	tests/shutdown/debian-dropin.sh \
	tests/shutdown/install.sh
TESTS += $(SHUTDOWN_TESTS)
dist_check_SCRIPTS += $(SHUTDOWN_TESTS)
dist_check_DATA += tests/shutdown/lib.sh

# roundtrip.sh records through the library, as kexec --ima-carry does.
check_PROGRAMS += tests/shutdown/record-load
tests_shutdown_record_load_SOURCES = tests/shutdown/record-load.c
tests_shutdown_record_load_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/kexec
tests_shutdown_record_load_LDADD = ima-carry/lib/libimacarry.la

# The QEMU late-measurement scenario (tests/e2e conventions and harness).
TESTS += tests/e2e/scenario-late-hook.sh
dist_check_SCRIPTS += tests/e2e/scenario-late-hook.sh
