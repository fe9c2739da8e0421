# debian/ima-carry.mk - kexec --ima-carry with a private copy of libimacarry
# (added to kexec-tools' debian/ by ima-carry's packaging/kexec-tools).
#
# kexec-tools bundles its own old libfdt, and libimacarry uses Debian's: the
# two must never resolve to each other. debian/imacarry-private.sh takes
# libimacarry-dev's static archive and libfdt-dev's, keeps only what the glue
# (kexec/ima-carry.c) calls, and leaves only those imacarry_* symbols global.
# configure --with-imacarry then finds it first, through -L.
IMACARRY_PRIV = $(CURDIR)/debian/imacarry-priv
IMACARRY_MULTIARCH := $(shell dpkg-architecture -qDEB_HOST_MULTIARCH)

# Both archives end up inside kexec: name their sources (Policy 7.8).
IMACARRY_BUILT_USING := $(shell dpkg-query -Wf '$${source:Package} (= $${source:Version}), ' libimacarry-dev:$(shell dpkg-architecture -qDEB_HOST_ARCH) libfdt-dev | sed 's/, $$//')

IMACARRY_GLUE = kexec/ima-carry.c kexec/ima-carry.h kexec/ima-carry-argv.h
$(IMACARRY_PRIV)/libimacarry.a: $(IMACARRY_GLUE) debian/imacarry-private.sh
	sh debian/imacarry-private.sh $(IMACARRY_PRIV) $(IMACARRY_MULTIARCH) \
		$(IMACARRY_GLUE)

# The kexec just built: --ima-carry is there, libimacarry is inside it.
IMACARRY_CHECK_KEXEC = sh debian/imacarry-private.sh --check
