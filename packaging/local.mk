# packaging/local.mk - Debian packages of ima-carry and of kexec-tools with
# the --ima-carry series (debian/, packaging/, tests/deb/).
#
#   make deb        every .deb, in deb/ of the build directory
#                   (packaging/make-deb.sh: root and Debian's archive)
#   make check-deb  make deb, then tests/deb/: lintian, versions, an
#                   install and purge in a fresh Debian 12 root (mmdebstrap),
#                   and the x86_64 QEMU carry with the packaged kexec
# Both build from `git archive HEAD` of the source tree: what is committed.
DEB_DIR = deb
EXTRA_DIST += packaging/chroot.sh packaging/make-deb.sh \
	packaging/update-symbols.sh packaging/kexec-tools/debian.diff \
	packaging/kexec-tools/debianize.sh packaging/kexec-tools/ima-carry.mk \
	packaging/kexec-tools/imacarry-private.sh \
	tests/deb/in-root.sh tests/deb/install.sh tests/deb/lintian-expected \
	tests/deb/lintian.sh tests/deb/run.sh tests/deb/symbols.sh \
	tests/deb/versions.sh
deb:
	$(SHELL) $(top_srcdir)/packaging/make-deb.sh $(abs_top_srcdir) $(DEB_DIR)
check-deb: deb all
	top_builddir='$(abs_top_builddir)' \
	$(SHELL) $(top_srcdir)/tests/deb/run.sh $(abs_top_srcdir) $(DEB_DIR)
clean-local: clean-local-deb
clean-local-deb:
	-rm -rf $(DEB_DIR)
PHONY_TARGETS += deb check-deb clean-local-deb
