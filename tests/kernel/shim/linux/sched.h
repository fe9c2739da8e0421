/* SPDX-License-Identifier: GPL-2.0-only */
/* linux/sched.h - userspace stand-in: everything is in kshim.h */
#include "../kshim.h"
