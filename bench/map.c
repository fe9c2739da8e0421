// SPDX-License-Identifier: GPL-2.0-only
/* map.c - the floors' input: a whole file, mapped and populated */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "map.h"

const uint8_t *map_file(const char *path, size_t *len)
{
	static const uint8_t empty[1];
	struct stat st;
	void *p;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0) {
		close(fd);
		return NULL;
	}
	*len = (size_t)st.st_size;
	if (!*len) {
		close(fd);
		return empty;
	}
	p = mmap(NULL, *len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	close(fd);
	return p == MAP_FAILED ? NULL : p;
}

void unmap_file(const uint8_t *buf, size_t len)
{
	if (len)
		munmap((void *)buf, len);
}
