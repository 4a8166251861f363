/* strtab.c: string interning; interned strings compare equal by pointer. */
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

typedef struct Entry {
	const char *s;
	size_t n;
	uint32_t hash;
} Entry;

static Entry *tab;
static size_t cap, count;

static uint32_t fnv(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void grow(void)
{
	size_t ncap = cap ? cap * 2 : 4096;
	Entry *ntab = calloc(ncap, sizeof(Entry));
	if (!ntab)
		abort();
	for (size_t i = 0; i < cap; i++) {
		if (!tab[i].s)
			continue;
		size_t j = tab[i].hash & (ncap - 1);
		while (ntab[j].s)
			j = (j + 1) & (ncap - 1);
		ntab[j] = tab[i];
	}
	free(tab);
	tab = ntab;
	cap = ncap;
}

const char *intern(const char *s, size_t n)
{
	if (2 * (count + 1) > cap)
		grow();
	uint32_t h = fnv(s, n);
	size_t i = h & (cap - 1);
	for (; tab[i].s; i = (i + 1) & (cap - 1)) {
		if (tab[i].hash == h && tab[i].n == n && memcmp(tab[i].s, s, n) == 0)
			return tab[i].s;
	}
	tab[i].s = arena_strndup(&perm, s, n);
	tab[i].n = n;
	tab[i].hash = h;
	count++;
	return tab[i].s;
}

const char *intern_cstr(const char *s)
{
	return intern(s, strlen(s));
}

/* forgets every string (they live in perm, which the caller resets next) */
void intern_reset(void)
{
	if (tab)
		memset(tab, 0, cap * sizeof(Entry));
	count = 0;
}
