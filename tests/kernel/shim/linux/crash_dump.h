/* SPDX-License-Identifier: GPL-2.0-only */
/* linux/crash_dump.h - userspace stand-in: everything is in kshim.h */
#include "../kshim.h"
