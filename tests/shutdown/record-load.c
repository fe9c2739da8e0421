// SPDX-License-Identifier: GPL-2.0-only
/* record-load.c - test helper: call ima_carry_record_load() from a script */
#include <stdio.h>
#include <string.h>

#include "imacarry.h"

#include "ima-carry-argv.h"

/*
 * usage: record-load RUNDIR KERNEL INITRD|- ARGV0 ARGS...
 * Records ARGV0 ARGS... as kexec would after a load of KERNEL and INITRD
 * ("-": none); the kernel is matched by value, as from a copied string.
 */
int main(int argc, char *argv[])
{
	const char *initrd;
	int ret;

	if (argc < 6) {
		fputs("usage: record-load RUNDIR KERNEL INITRD|- ARGV...\n",
		      stderr);
		return 2;
	}
	initrd = strcmp(argv[3], "-") ? argv[3] : NULL;
	ret = ima_carry_record_load(argv[1], argc - 4, argv + 4, argv[2],
				   initrd);
	if (ret) {
		fprintf(stderr, "record-load: %s: %s\n", argv[1],
			imacarry_strerror(ret));
		return 1;
	}
	return 0;
}
