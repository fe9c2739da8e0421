#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/deb/in-root.sh - runs inside a fresh Debian 12 root (install.sh):
# install the .debs from /io with apt, check them, purge them, then run
# the autopkgtests of /io/src/debian/tests.
set -uo pipefail
cd /io
fails=0
check() { # DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@" >/tmp/check.out 2>&1; then
		echo "PASS: $what"
	else
		echo "FAIL: $what"
		sed 's/^/    /' /tmp/check.out | tail -15
		fails=$((fails + 1))
	fi
}
step() { echo "--- $* ($(($(date +%s) - t0)) s)"; }
t0=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
# kexec never loads or executes anything here, whatever goes wrong.
nosysboot() { setpriv --bounding-set -sys_boot "$@"; }

# Every path outside what dpkg, apt and the logs may keep (Policy 10.7.3 and
# 6.8: purge removes everything but those).
snap() {
	find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /run \
		-o -path /tmp -o -path /io -o -path /var/lib/dpkg \
		-o -path /var/lib/apt -o -path /var/cache -o -path /var/log \) \
		-prune -o -print | sort
}

apt-get update -qq || exit 1
snap >/tmp/before
ours="./ima-carry_*.deb ./libimacarry0_*.deb ./libimacarry-dev_*.deb ./kexec-tools_*.deb"
step "apt-get install $ours"
# shellcheck disable=SC2086
check "apt-get install resolves every dependency" \
	apt-get install -y --no-install-recommends $ours
for p in ima-carry libimacarry0 libimacarry-dev kexec-tools; do
	check "$p installed" sh -c "dpkg-query -W -f='\${Status}' $p | grep -qx 'install ok installed'"
done
check "kexec-tools is the +imacarry build" sh -c \
	"dpkg-query -W -f='\${Version}' kexec-tools | grep -q '+imacarry'"

step "files"
check "/usr/sbin/ima-carry" test -x /usr/sbin/ima-carry
check "ima-carry --help" sh -c '/usr/sbin/ima-carry --help | grep -q "^Usage: ima-carry"'
check "ima-carry --version" /usr/sbin/ima-carry --version
check "kexec --help shows --ima-carry" sh -c \
	'setpriv --bounding-set -sys_boot /sbin/kexec --help | grep -q -- "--ima-carry"'
check "kexec --help shows --dry-run" sh -c '/sbin/kexec --help | grep -q -- "--dry-run"'
check "kexec does not need libimacarry.so" sh -c '! ldd /sbin/kexec | grep -q libimacarry'
hook=/usr/lib/systemd/system-shutdown/ima-carry.shutdown
check "the hook is where systemd-shutdown looks" test -x "$hook"
check "and under /lib too (merged /usr)" test /lib/systemd/system-shutdown/ima-carry.shutdown -ef "$hook"
check "the drop-in is a conffile" sh -c \
	"dpkg-query -W -f='\${Conffiles}' ima-carry | grep -q ' /etc/default/kexec.d/ima-carry '"
check "run-parts lists the drop-in" sh -c \
	'run-parts --list /etc/default/kexec.d | grep -qx /etc/default/kexec.d/ima-carry'
for m in ima-carry ima-carry.shutdown; do
	check "man page $m(8)" test -f "/usr/share/man/man8/$m.8.gz"
done
check "bash completion file" test -f /usr/share/bash-completion/completions/ima-carry
check "libimacarry.so.0 is known to ld.so" sh -c 'ldconfig -p | grep -q "libimacarry.so.0 "'
check "header and pkg-config file" sh -c \
	"test -f /usr/include/imacarry.h && grep -q '^Libs: -L\${libdir} -limacarry' /usr/lib/x86_64-linux-gnu/pkgconfig/libimacarry.pc"
check "the .pc names no build path and no archive" sh -c \
	'! grep -E "/build|/tmp|\.a( |$)" /usr/lib/x86_64-linux-gnu/pkgconfig/libimacarry.pc'

step "Debian's kexec-load with the drop-in"
# The real /etc/init.d/kexec-load under dash, as shutdown runs it; only the
# kexec it runs is a stand-in (IMACARRY_KEXEC) that notes its arguments.
mkdir -p /usr/local/sbin /boot
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >/tmp/kexec-args\n' >/usr/local/sbin/fake-kexec
chmod +x /usr/local/sbin/fake-kexec
: >"/boot/vmlinuz-test 1"
: >/boot/initrd.img-test
cp /etc/default/kexec /tmp/default-kexec.orig
cat >>/etc/default/kexec <<'CONF'
LOAD_KEXEC=true
USE_GRUB_CONFIG=false
KERNEL_IMAGE="/boot/vmlinuz-test 1"
INITRD=/boot/initrd.img-test
APPEND="root=/dev/vda  ro"
IMACARRY_KEXEC=/usr/local/sbin/fake-kexec
CONF
check "kexec-load stop runs" nosysboot sh /etc/init.d/kexec-load stop
check "kexec-load loaded with --ima-carry, every word intact" sh -c \
	'printf "%s\n" --ima-carry -l "/boot/vmlinuz-test 1" --initrd=/boot/initrd.img-test "--append=root=/dev/vda  ro" | cmp - /tmp/kexec-args'
cp /tmp/default-kexec.orig /etc/default/kexec
rm -f /usr/local/sbin/fake-kexec "/boot/vmlinuz-test 1" /boot/initrd.img-test

step "bash completion"
apt-get install -y -qq --no-install-recommends bash-completion >/dev/null 2>&1
comp() { # WORDS...: what completing the last word offers
	bash -c '. /usr/share/bash-completion/bash_completion
		. /usr/share/bash-completion/completions/ima-carry
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_ima_carry; printf "%s\n" "${COMPREPLY[@]}"' sh "$@" | sort | tr '\n' ' '
}
check "completes commands" test "$(comp ima-carry re)" = "replay "
check "completes a command's options" test "$(comp ima-carry pack --no)" = "--no-compress "
check "completes --bank values" test "$(comp ima-carry replay --bank sha5)" = "sha512 sha512:padded "
check "completes help COMMAND" test "$(comp ima-carry help ve)" = "verify "
apt-get purge -y -qq bash-completion >/dev/null 2>&1

step "purge"
check "apt-get purge" apt-get purge -y ima-carry libimacarry0 libimacarry-dev kexec-tools
check "apt-get autoremove --purge (their dependencies)" apt-get autoremove --purge -y
snap >/tmp/after
check "nothing left behind" diff -u /tmp/before /tmp/after
check "no dpkg record of ours" sh -c \
	'! dpkg -l ima-carry libimacarry0 libimacarry-dev kexec-tools 2>/dev/null | grep -E "^(ii|rc|iU|iF)"'

step "autopkgtests (debian/tests)"
# What autopkgtest would do: the test dependencies, then each test in the
# unpacked source, with AUTOPKGTEST_TMP.
deps=$(sed -n 's/^Depends: *//p' src/debian/tests/control | tr ',' '\n' | tr -d ' ' | sort -u |
	sed "s|^ima-carry\$|./$(ls ima-carry_*.deb)|; s|^libimacarry-dev\$|./$(ls libimacarry-dev_*.deb) ./$(ls libimacarry0_*.deb)|")
# shellcheck disable=SC2086
check "test dependencies install" apt-get install -y --no-install-recommends $deps
for t in $(sed -n 's/^Tests: *//p' src/debian/tests/control); do
	tmp=$(mktemp -d)
	check "autopkgtest $t" sh -c "cd src && AUTOPKGTEST_TMP=$tmp debian/tests/$t"
	cat /tmp/check.out | grep -E '^(ok|FAIL)' | sed 's/^/    /'
done
step "done"
echo "in-root: $fails failed"
[ "$fails" -eq 0 ]
