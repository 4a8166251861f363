/* arena.c: bump allocation in large chunks; memory is released only by arena_reset. */
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

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
}

void *arena_alloc(Arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (n == 0)
		n = 16;
	if (!a->head || (size_t)(a->end - a->cur) < n)
		newchunk(a, n);
	void *p = a->cur;
	a->cur += n;
	memset(p, 0, n);
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
}
