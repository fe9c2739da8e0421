// SPDX-License-Identifier: GPL-2.0-only
/* fdt.c - the carriers in /chosen (linux,ima-carry, linux,ima-kexec-buffer) */
#include <stdint.h>
#include <string.h>

#include <libfdt.h>

#include "imacarry-internal.h"

static int fdt_err(int err)
{
	if (err == -FDT_ERR_NOSPACE)
		return -IMACARRY_ERR_NOSPACE;
	return -IMACARRY_ERR_FDT;
}

/*
 * libfdt's read-write calls are only safe on a sound tree: check all of it
 * (within @bufsize) before the first edit, whoever wrote the file.
 */
static int check_tree(const void *fdt, size_t bufsize)
{
	int err;

	if (bufsize < sizeof(struct fdt_header))
		return -IMACARRY_ERR_FDT;
	err = fdt_check_header(fdt);
	if (err)
		return fdt_err(err);
	/*
	 * Only version 17, what dtc and Linux write. tests/fuzz found Debian
	 * 12's libfdt 1.6.1 dereferencing NULL in fdt_check_full() on a v3
	 * tree, and fdt_open_into() turning a v16 tree that passed
	 * fdt_check_full() into one that fails it.
	 */
	if (fdt_version(fdt) < 17)
		return -IMACARRY_ERR_FDT;
	if (fdt_totalsize(fdt) < bufsize)
		bufsize = fdt_totalsize(fdt);
	err = fdt_check_full(fdt, bufsize);
	return err ? fdt_err(err) : 0;
}

/*
 * libfdt's read-write calls want the canonical block order; opening the
 * tree into its own size gives it that without growing it.
 */
static int open_in_place(void *fdt)
{
	int err;

	err = check_tree(fdt, SIZE_MAX);
	if (err)
		return err;
	err = fdt_open_into(fdt, fdt, (int)fdt_totalsize(fdt));
	return err ? fdt_err(err) : 0;
}

/* Reads a 1- or 2-cell number; false for anything else. */
static bool read_cells(const fdt32_t *cell, int ncells, uint64_t *val)
{
	if (ncells == 1) {
		*val = fdt32_to_cpu(cell[0]);
		return true;
	}
	if (ncells == 2) {
		*val = (uint64_t)fdt32_to_cpu(cell[0]) << 32 |
		       fdt32_to_cpu(cell[1]);
		return true;
	}
	return false;
}

/*
 * Deletes the /memreserve/ entry that the stale kexec buffer property
 * describes. Only an exact address and size match is removed: anything
 * else may be a reservation that firmware still needs.
 */
static int del_kexec_memrsv(void *fdt, const void *prop, int len)
{
	int ac, sc, i, n, err;
	uint64_t addr, size, a, s;

	ac = fdt_address_cells(fdt, 0);
	sc = fdt_size_cells(fdt, 0);
	if (ac < 0 || sc < 0 || len != (ac + sc) * (int)sizeof(fdt32_t))
		return 0;
	if (!read_cells(prop, ac, &addr) ||
	    !read_cells((const fdt32_t *)prop + ac, sc, &size))
		return 0;

	n = fdt_num_mem_rsv(fdt);
	for (i = 0; i < n; i++) {
		err = fdt_get_mem_rsv(fdt, i, &a, &s);
		if (err)
			return fdt_err(err);
		if (a != addr || s != size)
			continue;
		err = fdt_del_mem_rsv(fdt, i);
		return err ? fdt_err(err) : 1;
	}
	return 0;
}

/* Removes linux,ima-kexec-buffer and its exact /memreserve/. */
static int strip_kbuf(void *fdt)
{
	const void *prop;
	int chosen, len, err, n = 0;

	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen == -FDT_ERR_NOTFOUND)
		return 0;
	if (chosen < 0)
		return fdt_err(chosen);

	while ((prop = fdt_getprop(fdt, chosen, IMACARRY_KEXEC_BUFFER_PROP,
				   &len))) {
		err = del_kexec_memrsv(fdt, prop, len);
		if (err < 0)
			return err;
		n += err;
		/* Deleting the reservation moved the struct block. */
		chosen = fdt_path_offset(fdt, "/chosen");
		if (chosen < 0)
			return fdt_err(chosen);
		err = fdt_delprop(fdt, chosen, IMACARRY_KEXEC_BUFFER_PROP);
		if (err)
			return fdt_err(err);
		n++;
	}
	if (len != -FDT_ERR_NOTFOUND)
		return fdt_err(len);
	return n;
}

/*
 * Deletes every IMACARRY_PROP of /chosen: how many, or an error
 * (-IMACARRY_ERR_NOCHOSEN: the tree has no /chosen).
 */
static int del_carry(void *fdt)
{
	int chosen, err, n = 0;

	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen == -FDT_ERR_NOTFOUND)
		return -IMACARRY_ERR_NOCHOSEN;
	if (chosen < 0)
		return fdt_err(chosen);

	/* Loops: a broken tree may hold a property twice. */
	while ((err = fdt_delprop(fdt, chosen, IMACARRY_PROP)) == 0)
		n++;
	if (err != -FDT_ERR_NOTFOUND)
		return fdt_err(err);
	return n;
}

/* Strips an opened tree. */
static int strip(void *fdt)
{
	int err, n;

	n = del_carry(fdt);
	if (n == -IMACARRY_ERR_NOCHOSEN)
		return 0;
	if (n < 0)
		return n;

	err = strip_kbuf(fdt);
	return err < 0 ? err : n + err;
}

int imacarry_fdt_strip(void *fdt)
{
	int ret;

	if (!fdt)
		return -IMACARRY_ERR_BADARG;
	ret = open_in_place(fdt);
	if (ret < 0)
		return ret;
	return strip(fdt);
}

size_t ic_fdt_need(size_t blob_len)
{
	/*
	 * A new /chosen (begin tag, "chosen\0" padded, end tag), the property
	 * (tag, length, name offset, value padded to 4), its name in the
	 * strings block, and 8 bytes for block alignment in fdt_open_into().
	 */
	return 4 + 8 + 4 +
	       12 + ((blob_len + 3) & ~(size_t)3) +
	       sizeof(IMACARRY_PROP) + 8;
}

/*
 * Whether a checked tree grows by at most @grow within @bufsize: if not,
 * *@size says what suffices and the tree is left as it is.
 */
static int room(const void *fdt, size_t bufsize, size_t grow, size_t *size)
{
	size_t need = fdt_totalsize(fdt) + grow;

	if (bufsize >= need)
		return 0;
	if (size)
		*size = need;
	return -IMACARRY_ERR_NOSPACE;
}

/* fdt_pack(), and the size the packed tree has. */
static int pack(void *fdt, size_t *size)
{
	int err;

	err = fdt_pack(fdt);
	if (err)
		return fdt_err(err);
	if (size)
		*size = fdt_totalsize(fdt);
	return 0;
}

/*
 * Opens a checked tree for writes in its own buffer of @bufsize bytes. The
 * tree grows into that room: what lands there must not be junk.
 */
static int grow_in_place(void *fdt, size_t bufsize)
{
	int err;

	memset((uint8_t *)fdt + fdt_totalsize(fdt), 0,
	       bufsize - fdt_totalsize(fdt));
	err = fdt_open_into(fdt, fdt, (int)bufsize);
	return err ? fdt_err(err) : 0;
}

int imacarry_fdt_put(void *fdt, size_t bufsize, const void *blob,
		     size_t blob_len, size_t *size)
{
	void *val;
	int chosen, err;

	if (!fdt || (!blob && blob_len) || blob_len > INT32_MAX ||
	    bufsize > INT32_MAX)
		return -IMACARRY_ERR_BADARG;
	err = check_tree(fdt, bufsize);
	if (err)
		return err;
	err = room(fdt, bufsize, ic_fdt_need(blob_len), size);
	if (err)
		return err;
	err = grow_in_place(fdt, bufsize);
	if (err)
		return err;

	err = strip(fdt);
	if (err < 0)
		return err;

	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen == -FDT_ERR_NOTFOUND)
		chosen = fdt_add_subnode(fdt, 0, "chosen");
	if (chosen < 0)
		return fdt_err(chosen);
	/*
	 * libfdt pads the value to 4 bytes but leaves the pad as it found it
	 * in the buffer; zero it so that the same input gives the same tree.
	 */
	err = fdt_setprop_placeholder(fdt, chosen, IMACARRY_PROP,
				      (int)blob_len, &val);
	if (err)
		return fdt_err(err);
	if (blob_len)
		memcpy(val, blob, blob_len);
	memset((uint8_t *)val + blob_len, 0,
	       ((blob_len + 3) & ~(size_t)3) - blob_len);
	return pack(fdt, size);
}

/*
 * Finds the one property @prop of /chosen in a tree checked first, so that
 * every offset after is in bounds. fdt_check_full() lets a node hold a
 * property twice, and fdt_getprop() would silently pick the first: refuse
 * the ambiguity.
 */
static int chosen_prop(const void *fdt, size_t fdt_len, const char *prop,
		       const void **val, int *len)
{
	const char *name;
	int chosen, off, l, n = 0;

	if (fdt_len > INT32_MAX)
		return -IMACARRY_ERR_TOOBIG;
	if (check_tree(fdt, fdt_len) || fdt_totalsize(fdt) > fdt_len)
		return -IMACARRY_ERR_FDT;

	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen == -FDT_ERR_NOTFOUND)
		return -IMACARRY_ERR_NOCHOSEN;
	if (chosen < 0)
		return -IMACARRY_ERR_FDT;

	fdt_for_each_property_offset(off, fdt, chosen) {
		const void *v = fdt_getprop_by_offset(fdt, off, &name, &l);

		if (!v)
			return -IMACARRY_ERR_FDT;
		if (strcmp(name, prop))
			continue;
		if (++n > 1)
			return -IMACARRY_ERR_FDT;
		*val = v;
		*len = l;
	}
	if (off != -FDT_ERR_NOTFOUND)
		return -IMACARRY_ERR_FDT;
	return n ? 0 : -IMACARRY_ERR_NOTFOUND;
}

int imacarry_fdt_get(const void *fdt, size_t fdt_len, const void **blob,
		     size_t *blob_len)
{
	const void *val;
	int err, len;

	if (!fdt || !blob || !blob_len)
		return -IMACARRY_ERR_BADARG;
	err = chosen_prop(fdt, fdt_len, IMACARRY_PROP, &val, &len);
	if (err)
		return err;
	*blob = val;
	*blob_len = (size_t)len;
	return 0;
}

int ic_fdt_del(void *fdt)
{
	int err, n;

	if (!fdt)
		return -IMACARRY_ERR_BADARG;
	err = open_in_place(fdt);
	if (err < 0)
		return err;
	n = del_carry(fdt);
	if (n < 0)
		return n;
	return n ? 0 : -IMACARRY_ERR_NOTFOUND;
}

/*
 * The root's #address-cells and #size-cells, which the kernel reads the
 * property with (drivers/of/kexec.c, get_addr_size_cells()). libfdt and
 * the kernel default differently when they are missing, so they must be
 * there; only 1 and 2 are meaningful for a physical range.
 */
static int root_cells(const void *fdt, int *ac, int *sc)
{
	int len;

	if (!fdt_getprop(fdt, 0, "#address-cells", &len) ||
	    !fdt_getprop(fdt, 0, "#size-cells", &len))
		return -IMACARRY_ERR_FDT;
	*ac = fdt_address_cells(fdt, 0);
	*sc = fdt_size_cells(fdt, 0);
	if (*ac < 1 || *ac > 2 || *sc < 1 || *sc > 2)
		return -IMACARRY_ERR_FDT;
	return 0;
}

/* Writes @val into @ncells cells at @cell; false if it does not fit. */
static bool write_cells(fdt32_t *cell, int ncells, uint64_t val)
{
	if (ncells == 1) {
		if (val > UINT32_MAX)
			return false;
		cell[0] = cpu_to_fdt32((uint32_t)val);
		return true;
	}
	cell[0] = cpu_to_fdt32((uint32_t)(val >> 32));
	cell[1] = cpu_to_fdt32((uint32_t)val);
	return true;
}

size_t ic_fdt_kbuf_need(void)
{
	/*
	 * A new /chosen (begin tag, "chosen\0" padded, end tag), the
	 * property (tag, length, name offset, at most 4 cells), its name in
	 * the strings block, one /memreserve/ entry, and 8 bytes for block
	 * alignment in fdt_open_into().
	 */
	return 4 + 8 + 4 +
	       12 + 4 * sizeof(fdt32_t) +
	       sizeof(IMACARRY_KEXEC_BUFFER_PROP) +
	       2 * sizeof(uint64_t) + 8;
}

/* Adds a reservation before the last one (IMACARRY_FDT_RSV_NOT_LAST). */
static int add_rsv_not_last(void *fdt, uint64_t addr, uint64_t size)
{
	int n = fdt_num_mem_rsv(fdt), err;
	uint64_t a, s;

	if (n < 1)
		return fdt_add_mem_rsv(fdt, addr, size);
	err = fdt_get_mem_rsv(fdt, n - 1, &a, &s);
	if (!err)
		err = fdt_del_mem_rsv(fdt, n - 1);
	if (!err)
		err = fdt_add_mem_rsv(fdt, addr, size);
	if (!err)
		err = fdt_add_mem_rsv(fdt, a, s);
	return err;
}

int imacarry_fdt_put_kbuf(void *fdt, size_t bufsize, uint64_t addr,
			  uint64_t size, unsigned int flags, size_t *need)
{
	fdt32_t val[4];
	int ac, sc, chosen, err;

	if (!fdt || !size || addr + size < addr || bufsize > INT32_MAX ||
	    (flags & ~(unsigned int)IMACARRY_FDT_RSV_NOT_LAST))
		return -IMACARRY_ERR_BADARG;
	err = check_tree(fdt, bufsize);
	if (err)
		return err;
	err = root_cells(fdt, &ac, &sc);
	if (err)
		return err;
	if (!write_cells(val, ac, addr) || !write_cells(val + ac, sc, size))
		return -IMACARRY_ERR_BADARG;
	err = room(fdt, bufsize, ic_fdt_kbuf_need(), need);
	if (err)
		return err;

	err = grow_in_place(fdt, bufsize);
	if (err)
		return err;

	/* Only a stale buffer goes: linux,ima-carry may be this load's. */
	err = strip_kbuf(fdt);
	if (err < 0)
		return err;

	/*
	 * The kernel frees exactly the property's range once it restored
	 * the list (ima_free_kexec_buffer()), and only the exact range is
	 * what a later strip removes: reserve that, no more and no less.
	 */
	if (flags & IMACARRY_FDT_RSV_NOT_LAST)
		err = add_rsv_not_last(fdt, addr, size);
	else
		err = fdt_add_mem_rsv(fdt, addr, size);
	if (err)
		return fdt_err(err);
	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen == -FDT_ERR_NOTFOUND)
		chosen = fdt_add_subnode(fdt, 0, "chosen");
	if (chosen < 0)
		return fdt_err(chosen);
	err = fdt_setprop(fdt, chosen, IMACARRY_KEXEC_BUFFER_PROP, val,
			  (ac + sc) * (int)sizeof(fdt32_t));
	if (err)
		return fdt_err(err);
	return pack(fdt, need);
}

int imacarry_fdt_get_kbuf(const void *fdt, size_t fdt_len, uint64_t *addr,
			  uint64_t *size)
{
	const void *val;
	int ac, sc, len, err;

	if (!fdt || !addr || !size)
		return -IMACARRY_ERR_BADARG;
	err = chosen_prop(fdt, fdt_len, IMACARRY_KEXEC_BUFFER_PROP, &val, &len);
	if (err)
		return err;
	err = root_cells(fdt, &ac, &sc);
	if (err)
		return err;
	if (len != (ac + sc) * (int)sizeof(fdt32_t) ||
	    !read_cells(val, ac, addr) ||
	    !read_cells((const fdt32_t *)val + ac, sc, size))
		return -IMACARRY_ERR_FDT;
	return 0;
}
