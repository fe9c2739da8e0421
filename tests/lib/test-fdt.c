// SPDX-License-Identifier: GPL-2.0-only
/* test-fdt.c - unit tests for fdt.c: both carriers, strip, stale carriers */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>

#include "imacarry.h"
#include "imacarry-internal.h"

#define BUF_SIZE	8192

/* What a fixture tree holds. */
struct shape {
	int cells;		/* root #address-cells and #size-cells */
	bool chosen;
	bool bootargs;
	bool carrier;		/* a stale linux,ima-carry */
	bool dup_carrier;	/* ... twice */
	bool kexec_buffer;	/* a stale linux,ima-kexec-buffer */
	uint64_t kb_addr, kb_size;
	uint64_t rsv_size;	/* size of its /memreserve/; 0 = kb_size */
	bool cells_props;	/* write #address-cells and #size-cells */
};

static void prop_cells(void *fdt, const char *name, uint64_t a, uint64_t s,
		       int ac, int sc)
{
	fdt32_t v[4];
	int n = 0;

	if (ac == 2)
		v[n++] = cpu_to_fdt32((uint32_t)(a >> 32));
	v[n++] = cpu_to_fdt32((uint32_t)a);
	if (sc == 2)
		v[n++] = cpu_to_fdt32((uint32_t)(s >> 32));
	v[n++] = cpu_to_fdt32((uint32_t)s);
	assert_int_equal(fdt_property(fdt, name, v, n * 4), 0);
}

/* Builds a tree with libfdt's sequential-write API into an aligned buffer. */
static void *make_tree(const struct shape *s)
{
	void *fdt = aligned_alloc(8, BUF_SIZE);

	assert_non_null(fdt);
	assert_int_equal(fdt_create(fdt, BUF_SIZE), 0);
	/* An unrelated reservation before the kexec one: it must survive. */
	assert_int_equal(fdt_add_reservemap_entry(fdt, 0x1000, 0x1000), 0);
	if (s->kexec_buffer)
		assert_int_equal(fdt_add_reservemap_entry(fdt, s->kb_addr,
			s->rsv_size ? s->rsv_size : s->kb_size), 0);
	assert_int_equal(fdt_add_reservemap_entry(fdt, 0x9000, 0x800), 0);
	assert_int_equal(fdt_finish_reservemap(fdt), 0);
	assert_int_equal(fdt_begin_node(fdt, ""), 0);
	if (s->cells_props) {
		assert_int_equal(fdt_property_u32(fdt, "#address-cells",
						  s->cells), 0);
		assert_int_equal(fdt_property_u32(fdt, "#size-cells",
						  s->cells), 0);
	}
	assert_int_equal(fdt_property_string(fdt, "model", "test"), 0);
	if (s->chosen) {
		assert_int_equal(fdt_begin_node(fdt, "chosen"), 0);
		if (s->bootargs)
			assert_int_equal(fdt_property_string(fdt, "bootargs",
				"console=ttyAMA0 ima_template=ima-ng"), 0);
		if (s->carrier)
			assert_int_equal(fdt_property(fdt, IMACARRY_PROP,
						      "stale", 5), 0);
		if (s->dup_carrier)
			assert_int_equal(fdt_property(fdt, IMACARRY_PROP,
						      "again", 5), 0);
		if (s->kexec_buffer)
			/* libfdt's defaults: 2 address cells, 1 size cell. */
			prop_cells(fdt, "linux,ima-kexec-buffer", s->kb_addr,
				   s->kb_size, s->cells_props ? s->cells : 2,
				   s->cells_props ? s->cells : 1);
		assert_int_equal(fdt_end_node(fdt), 0);
	}
	assert_int_equal(fdt_begin_node(fdt, "memory@40000000"), 0);
	assert_int_equal(fdt_property_string(fdt, "device_type", "memory"), 0);
	assert_int_equal(fdt_end_node(fdt), 0);
	assert_int_equal(fdt_end_node(fdt), 0);
	assert_int_equal(fdt_finish(fdt), 0);
	assert_int_equal(fdt_check_full(fdt, fdt_totalsize(fdt)), 0);
	return fdt;
}

/* Not really a blob: fdt.c never looks inside. */
static const uint8_t blob[] = "IMACARRY\1\0\x30\0 and so on";

static void expect_blob(const void *fdt, const void *want, size_t want_len)
{
	const void *got;
	size_t len;

	assert_int_equal(imacarry_fdt_get(fdt, fdt_totalsize(fdt), &got, &len),
			 0);
	assert_int_equal(len, want_len);
	assert_memory_equal(got, want, want_len);
}

static bool has_rsv(const void *fdt, uint64_t addr, uint64_t size)
{
	int i, n = fdt_num_mem_rsv(fdt);
	uint64_t a, s;

	for (i = 0; i < n; i++) {
		assert_int_equal(fdt_get_mem_rsv(fdt, i, &a, &s), 0);
		if (a == addr && s == size)
			return true;
	}
	return false;
}

static void test_put_get_no_chosen(void **state)
{
	struct shape s = { .cells = 2, .cells_props = true };
	void *fdt = make_tree(&s);
	const void *got;
	size_t len;

	assert_int_equal(imacarry_fdt_get(fdt, fdt_totalsize(fdt), &got, &len),
			 -IMACARRY_ERR_NOCHOSEN);
	assert_int_equal(imacarry_fdt_put(fdt, BUF_SIZE, blob, sizeof(blob), NULL),
			 0);
	expect_blob(fdt, blob, sizeof(blob));
	/* fdt_pack() leaves no free space behind. */
	assert_true(fdt_totalsize(fdt) < 1024);
	assert_int_equal(fdt_check_full(fdt, fdt_totalsize(fdt)), 0);
	assert_true(has_rsv(fdt, 0x1000, 0x1000));
	free(fdt);
}

/* The full stale case, for 2 and for 1 address/size cells. */
static void stale(int cells, bool cells_props)
{
	struct shape s = {
		.cells = cells, .cells_props = cells_props, .chosen = true,
		.bootargs = true, .carrier = true, .kexec_buffer = true,
		.kb_addr = cells == 2 ? 0x1ff000000ULL : 0x7f000000,
		.kb_size = 0x23000,
	};
	void *fdt = make_tree(&s);
	int chosen, len;

	assert_int_equal(fdt_num_mem_rsv(fdt), 3);
	assert_int_equal(imacarry_fdt_put(fdt, BUF_SIZE, blob, sizeof(blob), NULL),
			 0);
	expect_blob(fdt, blob, sizeof(blob));
	chosen = fdt_path_offset(fdt, "/chosen");
	assert_true(chosen >= 0);
	assert_null(fdt_getprop(fdt, chosen, "linux,ima-kexec-buffer", &len));
	assert_non_null(fdt_getprop(fdt, chosen, "bootargs", &len));
	assert_int_equal(fdt_num_mem_rsv(fdt), 2);
	assert_false(has_rsv(fdt, s.kb_addr, s.kb_size));
	assert_true(has_rsv(fdt, 0x1000, 0x1000));
	assert_true(has_rsv(fdt, 0x9000, 0x800));
	free(fdt);
}

static void test_stale_2_cells(void **state)
{
	stale(2, true);
}

static void test_stale_1_cell(void **state)
{
	stale(1, true);
}

/* Without #address-cells and #size-cells, libfdt's defaults apply. */
static void test_stale_default_cells(void **state)
{
	stale(2, false);
}

/* A reservation of another size is not the kexec buffer's: keep it. */
static void test_stale_inexact(void **state)
{
	struct shape s = {
		.cells = 2, .cells_props = true, .chosen = true,
		.kexec_buffer = true, .kb_addr = 0x80000000,
		.kb_size = 0x4000, .rsv_size = 0x5000,
	};
	void *fdt = make_tree(&s);

	/* Only the property goes. */
	assert_int_equal(imacarry_fdt_strip(fdt), 1);
	assert_int_equal(fdt_num_mem_rsv(fdt), 3);
	assert_true(has_rsv(fdt, 0x80000000, 0x5000));
	free(fdt);
}

static void test_strip_counts(void **state)
{
	struct shape s = {
		.cells = 1, .cells_props = true, .chosen = true,
		.carrier = true, .dup_carrier = true, .kexec_buffer = true,
		.kb_addr = 0x7f000000, .kb_size = 0x1000,
	};
	struct shape none = { .cells = 2 };
	void *fdt = make_tree(&s);

	/* Two carriers, the kexec property and its reservation. */
	assert_int_equal(imacarry_fdt_strip(fdt), 4);
	assert_int_equal(imacarry_fdt_strip(fdt), 0);
	assert_int_equal(fdt_check_full(fdt, fdt_totalsize(fdt)), 0);
	free(fdt);
	fdt = make_tree(&none);
	assert_int_equal(imacarry_fdt_strip(fdt), 0);
	free(fdt);
}

/* What imacarry_fdt_put() says it needs is enough, for every padding. */
static void test_need(void **state)
{
	uint8_t big[300];
	size_t n, need;
	unsigned int c;

	memset(big, 0xab, sizeof(big));
	for (c = 0; c < 2; c++) {
		for (n = 0; n < 9; n++) {
			struct shape s = { .cells = 2, .chosen = c };
			void *fdt = make_tree(&s);
			size_t size = fdt_totalsize(fdt);

			assert_int_equal(imacarry_fdt_put(fdt, size, big,
							  sizeof(big) - n,
							  &need),
					 -IMACARRY_ERR_NOSPACE);
			assert_true(need > size);
			assert_int_equal(imacarry_fdt_put(fdt, need, big,
							  sizeof(big) - n,
							  &need), 0);
			assert_int_equal(need, fdt_totalsize(fdt));
			expect_blob(fdt, big, sizeof(big) - n);
			free(fdt);
		}
	}
}

static void test_nospace(void **state)
{
	struct shape s = { .cells = 2, .chosen = true };
	void *fdt = make_tree(&s);
	size_t size = fdt_totalsize(fdt);
	uint8_t big[1000] = { 0 };
	size_t need = 0;

	assert_int_equal(imacarry_fdt_put(fdt, size + 100, big, sizeof(big),
					  &need), -IMACARRY_ERR_NOSPACE);
	assert_true(need > size + 100);
	/* The tree is still whole; a bigger buffer then works. */
	assert_int_equal(fdt_check_full(fdt, size + 100), 0);
	assert_int_equal(imacarry_fdt_put(fdt, BUF_SIZE, big, sizeof(big), NULL), 0);
	expect_blob(fdt, big, sizeof(big));
	free(fdt);
}

/* Putting twice replaces: exactly one property remains. */
static void test_replace(void **state)
{
	struct shape s = { .cells = 2, .chosen = true };
	void *fdt = make_tree(&s);

	assert_int_equal(imacarry_fdt_put(fdt, BUF_SIZE, "first", 5, NULL), 0);
	assert_int_equal(imacarry_fdt_put(fdt, BUF_SIZE, blob, sizeof(blob), NULL),
			 0);
	expect_blob(fdt, blob, sizeof(blob));
	free(fdt);
}

static void test_del(void **state)
{
	struct shape s = { .cells = 2, .chosen = true, .bootargs = true };
	struct shape none = { .cells = 2 };
	void *fdt = make_tree(&s);
	const void *got;
	size_t len;

	assert_int_equal(ic_fdt_del(fdt), -IMACARRY_ERR_NOTFOUND);
	assert_int_equal(imacarry_fdt_put(fdt, BUF_SIZE, blob, sizeof(blob), NULL),
			 0);
	assert_int_equal(ic_fdt_del(fdt), 0);
	assert_int_equal(imacarry_fdt_get(fdt, fdt_totalsize(fdt), &got, &len),
			 -IMACARRY_ERR_NOTFOUND);
	assert_int_equal(ic_fdt_del(fdt), -IMACARRY_ERR_NOTFOUND);
	free(fdt);
	fdt = make_tree(&none);
	assert_int_equal(ic_fdt_del(fdt), -IMACARRY_ERR_NOCHOSEN);
	free(fdt);
}

static void test_get_refuses(void **state)
{
	struct shape dup = { .cells = 2, .chosen = true, .carrier = true,
			     .dup_carrier = true };
	struct shape ok = { .cells = 2, .chosen = true, .carrier = true };
	void *fdt = make_tree(&dup);
	const void *got;
	size_t len;

	/* libfdt's own full check accepts the duplicate ... */
	assert_int_equal(fdt_check_full(fdt, fdt_totalsize(fdt)), 0);
	/* ... ours does not. */
	assert_int_equal(imacarry_fdt_get(fdt, fdt_totalsize(fdt), &got, &len),
			 -IMACARRY_ERR_FDT);
	free(fdt);

	fdt = make_tree(&ok);
	expect_blob(fdt, "stale", 5);
	/* A buffer shorter than the tree says it is. */
	assert_int_equal(imacarry_fdt_get(fdt, fdt_totalsize(fdt) - 1, &got,
					  &len), -IMACARRY_ERR_FDT);
	assert_int_equal(imacarry_fdt_get(fdt, 16, &got, &len),
			 -IMACARRY_ERR_FDT);
	/* Not a tree at all. */
	memset(fdt, 0x41, 64);
	assert_int_equal(imacarry_fdt_get(fdt, BUF_SIZE, &got, &len),
			 -IMACARRY_ERR_FDT);
	assert_int_equal(imacarry_fdt_put(fdt, BUF_SIZE, blob, sizeof(blob), NULL),
			 -IMACARRY_ERR_FDT);
	assert_int_equal(imacarry_fdt_strip(fdt), -IMACARRY_ERR_FDT);
	assert_int_equal(ic_fdt_del(fdt), -IMACARRY_ERR_FDT);
	free(fdt);
}

/* The buffer carrier, for 2 and 1 cells: property, exact reservation. */
static void kbuf(int cells)
{
	struct shape s = { .cells = cells, .cells_props = true,
			   .chosen = true, .bootargs = true };
	uint64_t addr = cells == 2 ? 0x8fff000000ULL : 0x7e000000;
	uint64_t size = 0x123000, a, sz;
	void *fdt = make_tree(&s);
	const fdt32_t *v;
	int chosen, len;

	assert_int_equal(imacarry_fdt_put_kbuf(fdt, BUF_SIZE, addr, size, 0, NULL), 0);
	assert_int_equal(fdt_check_full(fdt, fdt_totalsize(fdt)), 0);
	chosen = fdt_path_offset(fdt, "/chosen");
	v = fdt_getprop(fdt, chosen, "linux,ima-kexec-buffer", &len);
	assert_non_null(v);
	/* Written here by hand, in the cells the kernel reads it with. */
	assert_int_equal(len, 8 * cells);
	if (cells == 2) {
		assert_int_equal(fdt32_to_cpu(v[0]), 0x8f);
		assert_int_equal(fdt32_to_cpu(v[1]), 0xff000000);
		assert_int_equal(fdt32_to_cpu(v[2]), 0);
		assert_int_equal(fdt32_to_cpu(v[3]), size);
	} else {
		assert_int_equal(fdt32_to_cpu(v[0]), addr);
		assert_int_equal(fdt32_to_cpu(v[1]), size);
	}
	assert_int_equal(imacarry_fdt_get_kbuf(fdt, fdt_totalsize(fdt), &a,
					       &sz), 0);
	assert_int_equal(a, addr);
	assert_int_equal(sz, size);
	assert_int_equal(fdt_num_mem_rsv(fdt), 3);
	assert_true(has_rsv(fdt, addr, size));
	assert_non_null(fdt_getprop(fdt, chosen, "bootargs", &len));

	/* Strip removes exactly what put added. */
	assert_int_equal(imacarry_fdt_strip(fdt), 2);
	assert_int_equal(fdt_num_mem_rsv(fdt), 2);
	assert_false(has_rsv(fdt, addr, size));
	assert_true(has_rsv(fdt, 0x1000, 0x1000));
	assert_true(has_rsv(fdt, 0x9000, 0x800));
	assert_int_equal(imacarry_fdt_get_kbuf(fdt, fdt_totalsize(fdt), &a,
					       &sz), -IMACARRY_ERR_NOTFOUND);
	free(fdt);
}

static void test_kbuf_2_cells(void **state)
{
	kbuf(2);
}

static void test_kbuf_1_cell(void **state)
{
	kbuf(1);
}

/* Both carriers side by side; a second put_kbuf replaces the first. */
static void test_kbuf_with_blob(void **state)
{
	struct shape s = {
		.cells = 2, .cells_props = true, .chosen = true,
		.carrier = true, .kexec_buffer = true,
		.kb_addr = 0x1ff000000ULL, .kb_size = 0x23000,
	};
	void *fdt = make_tree(&s);
	uint64_t a, sz;

	/* The stale pair goes with imacarry_fdt_put() ... */
	assert_int_equal(imacarry_fdt_put(fdt, BUF_SIZE, blob, sizeof(blob), NULL),
			 0);
	assert_false(has_rsv(fdt, s.kb_addr, s.kb_size));
	/* ... and this load's buffer joins this load's blob. */
	assert_int_equal(imacarry_fdt_put_kbuf(fdt, BUF_SIZE, 0x80000000,
					       0x5000, 0, NULL), 0);
	expect_blob(fdt, blob, sizeof(blob));
	assert_int_equal(imacarry_fdt_put_kbuf(fdt, BUF_SIZE, 0x90000000,
					       0x6000, 0, NULL), 0);
	expect_blob(fdt, blob, sizeof(blob));
	assert_int_equal(imacarry_fdt_get_kbuf(fdt, fdt_totalsize(fdt), &a,
					       &sz), 0);
	assert_int_equal(a, 0x90000000);
	assert_int_equal(sz, 0x6000);
	assert_false(has_rsv(fdt, 0x80000000, 0x5000));
	assert_true(has_rsv(fdt, 0x90000000, 0x6000));
	assert_int_equal(fdt_num_mem_rsv(fdt), 3);
	assert_int_equal(imacarry_fdt_strip(fdt), 3);
	assert_int_equal(fdt_num_mem_rsv(fdt), 2);
	free(fdt);
}

static void test_kbuf_refuses(void **state)
{
	struct shape one = { .cells = 1, .cells_props = true, .chosen = true };
	struct shape none = { .cells = 2, .chosen = true };
	void *fdt = make_tree(&one);
	size_t size = fdt_totalsize(fdt), need;
	uint64_t a, sz;

	/* Over 4 GiB does not fit one cell: refused, not truncated. */
	assert_int_equal(imacarry_fdt_put_kbuf(fdt, BUF_SIZE, 0x100000000ULL,
					       0x1000, 0, NULL), -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_fdt_put_kbuf(fdt, BUF_SIZE, 0x1000,
					       0x100000000ULL, 0, NULL),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_fdt_put_kbuf(fdt, BUF_SIZE, 0x1000, 0, 0, NULL),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_fdt_put_kbuf(fdt, BUF_SIZE, UINT64_MAX,
					       2, 0, NULL), -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_fdt_put_kbuf(fdt, size + 20, 0x1000,
					       0x1000, 0, NULL), -IMACARRY_ERR_NOSPACE);
	/* Exactly the need is enough. */
	assert_int_equal(imacarry_fdt_put_kbuf(fdt, size, 0x1000, 0x1000, 0,
					       &need), -IMACARRY_ERR_NOSPACE);
	assert_int_equal(imacarry_fdt_put_kbuf(fdt, need, 0x1000, 0x1000, 0,
					       &need), 0);
	assert_int_equal(need, fdt_totalsize(fdt));
	free(fdt);

	/* libfdt and the kernel default differently: no guessing. */
	fdt = make_tree(&none);
	assert_int_equal(imacarry_fdt_put_kbuf(fdt, BUF_SIZE, 0x1000, 0x1000, 0, NULL),
			 -IMACARRY_ERR_FDT);
	assert_int_equal(imacarry_fdt_get_kbuf(fdt, fdt_totalsize(fdt), &a,
					       &sz), -IMACARRY_ERR_NOTFOUND);
	free(fdt);
}

/* ppc64 patches the last reservation later: ours goes before it. */
static void test_kbuf_not_last(void **state)
{
	struct shape s = { .cells = 2, .cells_props = true, .chosen = true };
	void *fdt = make_tree(&s);
	uint64_t a, sz;
	int n;

	assert_int_equal(imacarry_fdt_put_kbuf(fdt, BUF_SIZE, 0x7000000,
					       0x3000, 0x2, NULL), -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_fdt_put_kbuf(fdt, BUF_SIZE, 0x7000000,
					       0x3000,
					       IMACARRY_FDT_RSV_NOT_LAST, NULL), 0);
	n = fdt_num_mem_rsv(fdt);
	assert_int_equal(n, 3);
	assert_int_equal(fdt_get_mem_rsv(fdt, n - 1, &a, &sz), 0);
	assert_int_equal(a, 0x9000);
	assert_int_equal(fdt_get_mem_rsv(fdt, n - 2, &a, &sz), 0);
	assert_int_equal(a, 0x7000000);
	assert_int_equal(sz, 0x3000);
	assert_int_equal(imacarry_fdt_strip(fdt), 2);
	assert_true(has_rsv(fdt, 0x9000, 0x800));
	free(fdt);
}

/* What imacarry_fdt_put_kbuf() says it needs suffices, /chosen or not. */
static void test_kbuf_need(void **state)
{
	unsigned int c, cells;

	for (cells = 1; cells <= 2; cells++) {
		for (c = 0; c < 2; c++) {
			struct shape s = { .cells = (int)cells,
					   .cells_props = true, .chosen = c };
			void *fdt = make_tree(&s);
			size_t size = fdt_totalsize(fdt);

			size_t need;

			assert_int_equal(imacarry_fdt_put_kbuf(fdt, size,
				0x40000000, 0x2000, 0, &need),
				-IMACARRY_ERR_NOSPACE);
			assert_int_equal(imacarry_fdt_put_kbuf(fdt, need,
				0x40000000, 0x2000, 0, NULL), 0);
			assert_true(has_rsv(fdt, 0x40000000, 0x2000));
			free(fdt);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get_no_chosen),
		cmocka_unit_test(test_stale_2_cells),
		cmocka_unit_test(test_stale_1_cell),
		cmocka_unit_test(test_stale_default_cells),
		cmocka_unit_test(test_stale_inexact),
		cmocka_unit_test(test_strip_counts),
		cmocka_unit_test(test_need),
		cmocka_unit_test(test_nospace),
		cmocka_unit_test(test_replace),
		cmocka_unit_test(test_del),
		cmocka_unit_test(test_get_refuses),
		cmocka_unit_test(test_kbuf_2_cells),
		cmocka_unit_test(test_kbuf_1_cell),
		cmocka_unit_test(test_kbuf_with_blob),
		cmocka_unit_test(test_kbuf_refuses),
		cmocka_unit_test(test_kbuf_need),
		cmocka_unit_test(test_kbuf_not_last),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
