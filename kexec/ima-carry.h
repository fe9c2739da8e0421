/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ima-carry.h - the hooks kexec's loaders call to carry the IMA list
 *
 * kexec.h includes this file; kexec/ima-carry.c implements it. Without
 * libimacarry the hooks still strip nothing and --ima-carry fails closed.
 */
#ifndef IMA_CARRY_H
#define IMA_CARRY_H

#include <sys/types.h>

void ima_carry_opt(int opt, const char *arg);
int ima_carry_options(int *file_syscall, int fallback, unsigned long flags);
void ima_carry_dtb(char **dtb, off_t *size, int user_dtb, off_t max,
		   const char *initrd);
struct kexec_info;
void ima_carry_buffer(struct kexec_info *info, const char *cmdline,
		      unsigned long hole_min, unsigned long hole_max,
		      int hole_end, int keep_last_rsv);
void ima_carry_setup_ima(struct kexec_info *info, void *setup_data,
			 unsigned long kernel, const char *cmdline);
void ima_carry_loaded(const char *type, struct kexec_info *info);
int ima_carry_dry_run(void);
void ima_carry_initrd(const char *initrd);
void ima_carry_record(int argc, char **argv, const char *kernel);

#endif /* IMA_CARRY_H */
