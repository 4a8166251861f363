/*
 * slice.c: slices and the string <-> slice conversions codegen lowers to calls.
 *
 *   runtime.makeslice(et, len, cap)           -> data ptr     (RT_GOENTRY)
 *   runtime.growslice(et, p, len, cap, need)  -> {p, newcap}  (RT_GOENTRY)
 *   runtime.slicebytetostring(p, n)           -> string       (RT_GOENTRY)
 *   runtime.stringtoslicebyte(p, n)           -> {p, cap}     (RT_GOENTRY)
 *   runtime.slicerunetostring(p, n)           -> string       (RT_GOENTRY)
 *   runtime.stringtoslicerune(p, n)           -> {p, len}     (RT_GOENTRY; cap = len
 *                                                rounded like the allocation)
 *   runtime.decoderune(p, n, k)               -> {rune, k'}   (leaf)
 *   runtime.panicSlice(code, x, y)            -> noreturn     (RT_GOENTRY)
 *
 * Capacities follow gc 1.19 where a program can observe them: growslice
 * doubles below 256 elements, then grows by (cap + 3*256) / 4 until the need
 * is met, and rounds the byte size up to gc's size classes (roundup_size);
 * []byte(s) and []rune(s) round their allocation the same way.
 * Everything runs on a goroutine segment without a stack check: tiny frames,
 * no libc; rt_mallocgc switches to the system stack itself when it maps memory.
 * Slices are allocated with their element type (exactly cap elements, so the
 * size is a multiple of it; the allocator rounds up on its own).
 */
#include "rt.h"

typedef struct {
	void *p;
	intptr_t n;
} PtrInt;

#define MAX_ALLOC ((uintptr_t)1 << 47)

/* gc 1.19's size classes (bytes), for capacities a program can observe */
static const uint16_t classes[] = {
	0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
	288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280,
	1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528,
	6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072,
	20480, 21760, 24576, 27264, 28672, 32768,
};

static uintptr_t roundup_size(uintptr_t size)
{
	if (size <= 32768) {
		int lo = 0, hi = (int)(sizeof classes / sizeof classes[0]) - 1;
		while (lo < hi) {
			int mid = (lo + hi) / 2;
			if (classes[mid] >= size)
				hi = mid;
			else
				lo = mid + 1;
		}
		return classes[lo];
	}
	if (size + 8192 < size)
		return size;
	return (size + 8191) & ~(uintptr_t)8191;
}

static void copy_bytes(uint8_t *d, const uint8_t *s, uintptr_t n)
{
	for (uintptr_t i = 0; i < n; i++)
		d[i] = s[i];
}

void *rt_makeslice_c(const GoType *et, intptr_t len, intptr_t cap)
{
	if (RT_UNLIKELY(rt_gcstress))
		rt_gcstress_check(rt_getg());
	uintptr_t sz = et->size;
	if (cap < 0 || len < 0 || len > cap || (sz && (uintptr_t)cap > MAX_ALLOC / sz)) {
		if (len < 0 || (sz && (uintptr_t)len > MAX_ALLOC / sz))
			rt_panic_error("makeslice: len out of range", 1);
		rt_panic_error("makeslice: cap out of range", 1);
	}
	return rt_mallocgc(sz * (uintptr_t)cap, et);
}

PtrInt rt_growslice_c(const GoType *et, void *p, intptr_t len, intptr_t cap, intptr_t need)
{
	if (RT_UNLIKELY(rt_gcstress))
		rt_gcstress_check(rt_getg());
	if (need < 0)
		rt_panic_error("growslice: cap out of range", 1);
	uintptr_t sz = et->size;
	if (sz == 0)
		return (PtrInt){rt_zerobase, need};
	intptr_t newcap = cap, dbl = cap + cap;
	if (need > dbl) {
		newcap = need;
	} else if (cap < 256) {
		newcap = dbl;
	} else {
		while (0 < newcap && newcap < need)
			newcap += (newcap + 3 * 256) / 4;
		if (newcap <= 0)
			newcap = need;
	}
	if ((uintptr_t)newcap > MAX_ALLOC / sz)
		rt_panic_error("growslice: cap out of range", 1);
	uintptr_t mem = roundup_size((uintptr_t)newcap * sz);
	newcap = (intptr_t)(mem / sz);
	uint8_t *np = rt_mallocgc((uintptr_t)newcap * sz, et);
	copy_bytes(np, p, (uintptr_t)len * sz);
	return (PtrInt){np, newcap};
}

GoString rt_slicebytetostring_c(const uint8_t *p, intptr_t n)
{
	if (n == 0)
		return (GoString){0, 0};
	uint8_t *r = rt_mallocgc((size_t)n, NULL);
	copy_bytes(r, p, (uintptr_t)n);
	return (GoString){r, n};
}

/* gc gives a non-escaping result a 32-element stack buffer (cap = len up to
 * 32); golc has no escape analysis yet and follows that case. */
#define TMPBUF 32

PtrInt rt_stringtoslicebyte_c(const uint8_t *p, intptr_t n)
{
	uintptr_t cap = n <= TMPBUF ? (uintptr_t)n : roundup_size((uintptr_t)n);
	uint8_t *r = rt_mallocgc(cap, NULL);
	copy_bytes(r, p, (uintptr_t)n);
	return (PtrInt){r, (intptr_t)cap};
}

/* UTF-8 decoding as Go does it: invalid or short sequences, surrogates and
 * overlong forms decode to U+FFFD with width 1. */
static int32_t decode(const uint8_t *p, intptr_t n, intptr_t k, intptr_t *w)
{
	uint8_t c = p[k];
	*w = 1;
	if (c < 0x80)
		return c;
	intptr_t need;
	int32_t r, min;
	uint8_t lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1, r = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2, r = c & 0x0F, min = 0x800;
		if (c == 0xE0)
			lo = 0xA0;
		if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3, r = c & 0x07, min = 0x10000;
		if (c == 0xF0)
			lo = 0x90;
		if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 0xFFFD;
	}
	if (k + need >= n)
		return 0xFFFD;
	for (intptr_t i = 1; i <= need; i++) {
		uint8_t b = p[k + i];
		if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
			return 0xFFFD;
		r = r << 6 | (b & 0x3F);
	}
	(void)min;
	*w = need + 1;
	return r;
}

typedef struct {
	int32_t r;
	intptr_t k;
} RuneNext;

RuneNext rt_decoderune(const uint8_t *p, intptr_t n, intptr_t k) __asm__("runtime.decoderune");

/* range over a string: the rune at byte k (k < n) and the next index */
RuneNext rt_decoderune(const uint8_t *p, intptr_t n, intptr_t k)
{
	intptr_t w;
	int32_t r = decode(p, n, k, &w);
	return (RuneNext){r, k + w};
}

static int encode(uint8_t *b, int32_t v)
{
	if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = 0xFFFD;
	if (v < 0x80) {
		b[0] = (uint8_t)v;
		return 1;
	}
	if (v < 0x800) {
		b[0] = (uint8_t)(0xC0 | v >> 6);
		b[1] = (uint8_t)(0x80 | (v & 0x3F));
		return 2;
	}
	if (v < 0x10000) {
		b[0] = (uint8_t)(0xE0 | v >> 12);
		b[1] = (uint8_t)(0x80 | (v >> 6 & 0x3F));
		b[2] = (uint8_t)(0x80 | (v & 0x3F));
		return 3;
	}
	b[0] = (uint8_t)(0xF0 | v >> 18);
	b[1] = (uint8_t)(0x80 | (v >> 12 & 0x3F));
	b[2] = (uint8_t)(0x80 | (v >> 6 & 0x3F));
	b[3] = (uint8_t)(0x80 | (v & 0x3F));
	return 4;
}

GoString rt_slicerunetostring_c(const int32_t *p, intptr_t n)
{
	uint8_t tmp[4];
	intptr_t total = 0;
	for (intptr_t i = 0; i < n; i++)
		total += encode(tmp, p[i]);
	if (total == 0)
		return (GoString){0, 0};
	uint8_t *r = rt_mallocgc((size_t)total, NULL);
	intptr_t k = 0;
	for (intptr_t i = 0; i < n; i++)
		k += encode(r + k, p[i]);
	return (GoString){r, total};
}

PtrInt rt_stringtoslicerune_c(const uint8_t *p, intptr_t n)
{
	intptr_t cnt = 0, w;
	for (intptr_t k = 0; k < n; k += w) {
		decode(p, n, k, &w);
		cnt++;
	}
	uintptr_t mem = cnt <= TMPBUF ? (uintptr_t)cnt * 4 : roundup_size((uintptr_t)cnt * 4);
	int32_t *r = rt_mallocgc(mem, NULL);
	intptr_t i = 0;
	for (intptr_t k = 0; k < n; k += w)
		r[i++] = decode(p, n, k, &w);
	return (PtrInt){r, (intptr_t)(mem / 4)};
}

/* gc's boundsError texts (runtime/error.go wording) */
void rt_print_slice_error(int code, intptr_t x, intptr_t y)
{
	int kind = code & 15, sig = code & RT_SLICE_SIGNED;
	if (kind == RT_SLICE_CONVERT) {
		rt_print_cstr("runtime error: cannot convert slice with length ");
		rt_printint(x);
		rt_print_cstr(" to pointer to array with length ");
		rt_printint(y);
		return;
	}
	static const char *const pre[] = {"[:", "[:", "[", "[::", "[::", "[:", "["};
	static const char *const mid[] = {"] with length ", "] with capacity ", ":", "] with length ",
					  "] with capacity ", ":", ":"};
	static const char *const post[] = {"", "", "]", "", "", "]", ":]"};
	static const char *const negpost[] = {"]", "]", ":]", "]", "]", ":]", "::]"};
	rt_print_cstr("runtime error: slice bounds out of range ");
	rt_print_cstr(pre[kind]);
	if (sig && x < 0) {
		rt_printint(x);
		rt_print_cstr(negpost[kind]);
		return;
	}
	if (sig)
		rt_printint(x);
	else
		rt_printuint((uint64_t)x);
	rt_print_cstr(mid[kind]);
	rt_printint(y);
	rt_print_cstr(post[kind]);
}

/* the rune count of a string (leaf; []rune(s) gets its length from here) */
intptr_t rt_countrunes(const uint8_t *p, intptr_t n)
{
	intptr_t cnt = 0, w;
	for (intptr_t k = 0; k < n; k += w) {
		decode(p, n, k, &w);
		cnt++;
	}
	return cnt;
}

/* memmove for copy and append (leaf): never a libc call on a goroutine segment */
__attribute__((no_builtin("memmove", "memcpy"))) void rt_memmove(uint8_t *d, const uint8_t *s, uintptr_t n)
{
	if (d == s || n == 0)
		return;
	if (d < s || d >= s + n) {
		if ((((uintptr_t)d | (uintptr_t)s) & 7) == 0) {
			uintptr_t w = n / 8;
			for (uintptr_t i = 0; i < w; i++)
				((uint64_t *)d)[i] = ((const uint64_t *)s)[i];
			for (uintptr_t i = w * 8; i < n; i++)
				d[i] = s[i];
			return;
		}
		for (uintptr_t i = 0; i < n; i++)
			d[i] = s[i];
	} else {
		for (uintptr_t i = n; i-- > 0;)
			d[i] = s[i];
	}
}
