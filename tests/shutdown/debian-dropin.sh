#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# debian-dropin.sh - /etc/default/kexec.d/ima-carry inside Debian's scripts
#
# The two scripts below have the shape of kexec-tools 2.0.25-3+deb12u3's
# /etc/init.d/kexec-load and /etc/init.d/kexec: they source the drop-ins
# near the top and run /sbin/kexec literally, under /bin/sh (dash). When the
# real scripts are installed, they are checked to still have that shape.
. "$(dirname "$0")/lib.sh"
sd_setup

DROPIN=$top_srcdir/shutdown/kexec.d/ima-carry
command -v dash >/dev/null || { echo "SKIP: no dash"; exit 77; }

mkdir -p "$T/init.d" "$T/kexec.d" "$T/rc6.d"
cp "$DROPIN" "$T/kexec.d/ima-carry"

for s in kexec-load kexec; do
	if [ -f "/etc/init.d/$s" ]; then
		grep -q 'run-parts --list /etc/default/kexec.d' "/etc/init.d/$s"
		check "installed $s sources the drop-ins" 0 $?
	fi
done
if [ -f /etc/init.d/kexec-load ]; then
	grep -q '^[[:space:]]*/sbin/kexec -l "$KERNEL_IMAGE"' \
		/etc/init.d/kexec-load
	check "installed kexec-load runs /sbin/kexec -l literally" 0 $?
fi

cat >"$T/init.d/kexec-load" <<SCRIPT
#! /bin/sh
for snippet in \$(run-parts --list "$T/kexec.d") ; do
	. "\$snippet"
done
do_stop () {
	KERNEL_IMAGE="/boot/vmlinuz 1"
	INITRD=/boot/initrd.img
	REAL_APPEND="root=/dev/vda ro"
	/sbin/kexec -l "\$KERNEL_IMAGE" --initrd="\$INITRD" --append="\$REAL_APPEND"
}
case "\$1" in
stop) do_stop ;;
esac
exit 0
SCRIPT
cat >"$T/init.d/kexec" <<SCRIPT
#! /bin/sh
for snippet in \$(run-parts --list "$T/kexec.d") ; do
	. "\$snippet"
done
case "\$1" in
stop) echo "kexec -e now" >>"$T/order" ;;
esac
exit 0
SCRIPT
chmod +x "$T/init.d/kexec-load" "$T/init.d/kexec"
ln -s ../init.d/kexec-load "$T/rc6.d/K01kexec-load"
ln -s ../init.d/kexec "$T/rc6.d/K09kexec"

# The hook stand-in notes its call; a real hook run is in the other tests.
cat >"$T/bin/hook" <<FAKE
#!/bin/bash
echo "hook \$* IMACARRY_KEXEC=\$IMACARRY_KEXEC" >>"$T/order"
FAKE
chmod +x "$T/bin/hook"

run() {
	env -i PATH="/usr/sbin:/usr/bin:/sbin:/bin" \
		IMACARRY_KEXEC="$T/bin/kexec" IMACARRY_HOOK="$T/bin/hook" \
		FAKE_DIR="$T" dash "$@" >"$T/out" 2>&1
	rc=$?
}

for load in "$T/init.d/kexec-load" "$T/rc6.d/K01kexec-load"; do
	rm -f "$T"/calls/* "$T/order"
	run "$load" stop
	check "${load#"$T"/}: exit 0" 0 "$rc"
	check "${load#"$T"/}: one load" 1 "$(sd_calls)"
	check "${load#"$T"/}: --ima-carry added, words intact" \
		"--ima-carry
-l
/boot/vmlinuz 1
--initrd=/boot/initrd.img
--append=root=/dev/vda ro" "$(sd_call 1)"
	check "${load#"$T"/}: no hook while loading" "" \
		"$(cat "$T/order" 2>/dev/null)"
done

for exe in "$T/init.d/kexec" "$T/rc6.d/K09kexec"; do
	rm -f "$T/order"
	run "$exe" stop
	check "${exe#"$T"/}: exit 0" 0 "$rc"
	check "${exe#"$T"/}: hook runs right before kexec -e" \
		"hook kexec IMACARRY_KEXEC=$T/bin/kexec
kexec -e now" "$(cat "$T/order")"
	rm -f "$T/order"
	run "$exe" start
	check "${exe#"$T"/}: start runs no hook" "" \
		"$(cat "$T/order" 2>/dev/null)"
done

# Only the two scripts are touched; these never run a real kexec.
mkdir "$T/only-source"
for name in other kexec-load; do
	cat >"$T/only-source/$name" <<SCRIPT
#! /bin/sh
for snippet in \$(run-parts --list "$T/kexec.d") ; do
	. "\$snippet"
done
alias /sbin/kexec 2>/dev/null && echo aliased
exit 0
SCRIPT
done
run "$T/only-source/other" stop
check "other script: /sbin/kexec not aliased" "" "$(cat "$T/out")"

# bash as /bin/sh cannot alias /sbin/kexec: it must say so.
env -i PATH="/usr/sbin:/usr/bin:/sbin:/bin" IMACARRY_KEXEC="$T/bin/kexec" \
	bash --posix "$T/only-source/kexec-load" stop >"$T/out" 2>&1
check "bash as sh: warns" 1 \
	"$(grep -c 'cannot add --ima-carry: /bin/sh is not dash' "$T/out")"

# The real scripts, when kexec-tools is installed (or IMACARRY_DEBIAN_INITD
# names an unpacked copy): run them as root in a private mount namespace,
# with our /etc/default and a fake /usr/sbin (kexec, runlevel, the hook).
initd=${IMACARRY_DEBIAN_INITD:-/etc/init.d}
if [ -f "$initd/kexec-load" ] && [ -f "$initd/kexec" ] &&
   [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null &&
   [ "$(readlink -f /sbin)" = /usr/sbin ]; then
	R=$T/real
	mkdir -p "$R/default/kexec.d" "$R/sbin"
	cp "$DROPIN" "$R/default/kexec.d/ima-carry"
	cat >"$R/default/kexec" <<CONF
LOAD_KEXEC=true
USE_GRUB_CONFIG=false
KERNEL_IMAGE="/boot/vmlinuz 6.1"
INITRD=/boot/initrd.img-6.1
APPEND="root=/dev/vda  ro"
IMACARRY_HOOK=/usr/sbin/hook
CONF
	printf '#!/bin/sh\necho "N 6"\n' >"$R/sbin/runlevel"
	printf '#!/bin/bash\nprintf "%%s\\n" "$@" >"%s/real-kexec"\n' \
		"$T" >"$R/sbin/kexec"
	printf '#!/bin/bash\necho "hook $*" >"%s/real-hook"\n' "$T" \
		>"$R/sbin/hook"
	chmod +x "$R"/sbin/*
	unshare -m bash -c "mount --bind '$R/default' /etc/default &&
		mount --bind '$R/sbin' /usr/sbin &&
		env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
			sh '$initd/kexec-load' stop &&
		env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
			sh '$initd/kexec' stop" >"$T/out" 2>&1
	check "real kexec-load: --ima-carry added, words intact" \
		"--ima-carry
-l
/boot/vmlinuz 6.1
--initrd=/boot/initrd.img-6.1
--append=root=/dev/vda  ro" "$(cat "$T/real-kexec" 2>/dev/null)"
	check "real kexec: hook run before kexec -e" "hook kexec" \
		"$(cat "$T/real-hook" 2>/dev/null)"
else
	echo "note: Debian's kexec-tools scripts not checked (not in $initd," \
		"not root, or no unshare)"
fi

finish
