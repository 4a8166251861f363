/*
 * arena.c: bump allocation in large chunks; memory is released only by arena_reset.
 *
 * Under AddressSanitizer (the fuzzer's build) the free space of a chunk is
 * poisoned and every allocation is followed by a poisoned redzone, so reading
 * or writing past an object, or an object's use after arena_reset, is reported
 * like a heap overflow. Elsewhere the poisoning macros are no-ops.
 */
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

#if defined(__has_include)
#if __has_include(<sanitizer/asan_interface.h>)
#include <sanitizer/asan_interface.h>
#endif
#endif
#ifndef ASAN_POISON_MEMORY_REGION
#define ASAN_POISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#define ASAN_UNPOISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#endif
#if defined(__SANITIZE_ADDRESS__)
#define REDZONE 16
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REDZONE 16
#endif
#endif
#ifndef REDZONE
#define REDZONE 0
#endif

typedef struct ArenaChunk {
	struct ArenaChunk *next;
	size_t size;                /* usable bytes after the header */
	_Alignas(16) char data[];
} ArenaChunk;

enum { CHUNK_SIZE = 1 << 20 };

Arena perm;

static void newchunk(Arena *a, size_t need)
{
	size_t size = need > CHUNK_SIZE ? need : CHUNK_SIZE;
	ArenaChunk *c = malloc(sizeof(ArenaChunk) + size);
	if (!c) {
		fprintf(stderr, "golc: out of memory\n");
		abort();
	}
	c->size = size;
	c->next = a->head;
	a->head = c;
	a->cur = c->data;
	a->end = c->data + size;
	ASAN_POISON_MEMORY_REGION(c->data, size);
}

void *arena_alloc(Arena *a, size_t n)
{
	size_t want = n;
	n = (n + 15 + REDZONE) & ~(size_t)15;
	if (n == 0)
		n = 16;
	if (!a->head || (size_t)(a->end - a->cur) < n)
		newchunk(a, n);
	void *p = a->cur;
	a->cur += n;
	ASAN_UNPOISON_MEMORY_REGION(p, REDZONE ? want : n);
	memset(p, 0, REDZONE ? want : n);
	return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void arena_reset(Arena *a)
{
	if (!a->head)
		return;
	ArenaChunk *c = a->head;
	while (c->next) {
		ArenaChunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = c;
	a->cur = c->data;
	a->end = c->data + c->size;
	ASAN_POISON_MEMORY_REGION(c->data, c->size);
}
