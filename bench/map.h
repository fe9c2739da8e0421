/* SPDX-License-Identifier: GPL-2.0-only */
/* map.h - how the floors read their input */
#ifndef IMACARRY_BENCH_MAP_H
#define IMACARRY_BENCH_MAP_H

#include <stddef.h>
#include <stdint.h>

/*
 * Maps the whole file, populated: a floor gets its bytes the cheapest way,
 * without the page faults and the copy of reading into a fresh buffer.
 * NULL on an error, with errno set.
 */
const uint8_t *map_file(const char *path, size_t *len);

void unmap_file(const uint8_t *buf, size_t len);

#endif /* IMACARRY_BENCH_MAP_H */
