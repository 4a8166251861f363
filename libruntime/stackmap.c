/*
 * stackmap.c: LLVM stack maps (.llvm_stackmaps, version 3) -> StackRecord.
 *
 * Every object file contributes one table; the linker script stackmaps.ld
 * keeps them (KEEP) and brackets the concatenation with __stackmaps_start /
 * __stackmaps_end. One table, all fields little-endian:
 *
 *   header     u8 version=3, u8, u16, u32 nfuncs, u32 nconsts, u32 nrecords
 *   functions  nfuncs x {u64 addr, u64 stacksize, u64 nrecords}
 *   constants  nconsts x u64
 *   records    nrecords x {u64 id, u32 insoff, u16 0, u16 nloc,
 *                          nloc x StackLoc (12 B), align 8,
 *                          u16 0, u16 nliveouts, nliveouts x 4 B, align 8}
 *
 * A statepoint record's locations are: 3 constants (calling convention,
 * flags, number of deopt operands N), N deopt locations, then GC pointers as
 * {base, derived} pairs. golc emits no deopt operands; the parser skips them.
 *
 * Invariants: after rt_stackmap_init, rt_records holds every record of every
 * table; the hash maps each return address to exactly one record (a
 * duplicate address is a fatal error). Tables are parsed once, at startup,
 * on the system stack; lookups are lock-free reads afterwards.
 *
 * Rejected: resolving return addresses by binary search over a sorted array
 * (a hash is O(1) for the GC's per-frame lookup); copying the locations (the
 * section is read-only and stays mapped: records point into it).
 */
#include "rt.h"

#include <stdlib.h>
#include <string.h>

extern const uint8_t __stackmaps_start[], __stackmaps_end[];

StackRecord *rt_records;
size_t rt_nrecords;
size_t rt_nsmfuncs;

static size_t cap;
static const StackRecord **htab;
static size_t hmask;

static uint64_t rd64(const uint8_t *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static uint16_t rd16(const uint8_t *p)
{
	uint16_t v;
	memcpy(&v, p, 2);
	return v;
}

static const uint8_t *align8(const uint8_t *p)
{
	return (const uint8_t *)(((uintptr_t)p + 7) & ~(uintptr_t)7);
}

static int add_record(const StackRecord *r)
{
	if (rt_nrecords == cap) {
		size_t ncap = cap ? 2 * cap : 256;
		StackRecord *n = realloc(rt_records, ncap * sizeof *n);
		if (!n)
			return -1;
		rt_records = n;
		cap = ncap;
	}
	rt_records[rt_nrecords++] = *r;
	return 0;
}

/*
 * Appends the records of all tables in [p, end) to rt_records. Returns 0,
 * or -1 with *err set. Usable on any buffer (unit tests parse objects).
 */
int rt_stackmap_parse(const uint8_t *p, const uint8_t *end, const char **err)
{
	while (p < end) {
		if (end - p < 16) {
			*err = "truncated stack map header";
			return -1;
		}
		if (p[0] != 3) {
			*err = "unsupported stack map version";
			return -1;
		}
		uint32_t nf = rd32(p + 4), nc = rd32(p + 8), nr = rd32(p + 12);
		const uint8_t *fns = p + 16;
		const uint8_t *q = fns + 24 * (size_t)nf + 8 * (size_t)nc;
		uint64_t seen = 0;
		for (uint32_t f = 0; f < nf; f++) {
			uintptr_t fn = (uintptr_t)rd64(fns + 24 * f);
			uint64_t stacksize = rd64(fns + 24 * f + 8);
			uint64_t cnt = rd64(fns + 24 * f + 16);
			rt_nsmfuncs++;
			for (uint64_t i = 0; i < cnt; i++) {
				if (q + 16 > end) {
					*err = "truncated stack map record";
					return -1;
				}
				StackRecord r = {0};
				r.id = rd64(q);
				r.off = rd32(q + 8);
				r.nloc = rd16(q + 14);
				r.fn = fn;
				r.ra = fn + r.off;
				r.stacksize = (uint32_t)stacksize;
				const StackLoc *locs = (const StackLoc *)(q + 16);
				if (r.nloc >= 3) {
					uint32_t ndeopt = (uint32_t)locs[2].off;
					uint32_t first = 3 + ndeopt;
					if (first <= r.nloc) {
						r.roots = locs + first;
						r.nroots = (uint16_t)((r.nloc - first) / 2);
					}
				}
				q = align8(q + 16 + 12 * (size_t)r.nloc);
				q = align8(q + 4 + 4 * (size_t)rd16(q + 2));
				if (q > end) {
					*err = "truncated stack map record";
					return -1;
				}
				if (add_record(&r)) {
					*err = "out of memory";
					return -1;
				}
				seen++;
			}
		}
		if (seen != nr) {
			*err = "stack map record count mismatch";
			return -1;
		}
		p = align8(q);
	}
	return 0;
}

static size_t hash(uintptr_t ra)
{
	return (size_t)((ra * 0x9E3779B97F4A7C15ull) >> 20) & hmask;
}

static void build_hash(void)
{
	size_t n = 16;
	while (n < 2 * rt_nrecords)
		n *= 2;
	htab = calloc(n, sizeof *htab);
	if (!htab)
		rt_throw("stackmap: out of memory");
	hmask = n - 1;
	for (size_t i = 0; i < rt_nrecords; i++) {
		size_t h = hash(rt_records[i].ra);
		while (htab[h]) {
			if (htab[h]->ra == rt_records[i].ra)
				rt_throw("stackmap: two records for one return address");
			h = (h + 1) & hmask;
		}
		htab[h] = &rt_records[i];
	}
}

void rt_stackmap_init(void)
{
	const char *err;
	if (rt_stackmap_parse(__stackmaps_start, __stackmaps_end, &err))
		rt_throw(err);
	build_hash();
}

const StackRecord *rt_stackmap_lookup(uintptr_t ra)
{
	if (!htab)
		return NULL;
	for (size_t h = hash(ra); htab[h]; h = (h + 1) & hmask)
		if (htab[h]->ra == ra)
			return htab[h];
	return NULL;
}
