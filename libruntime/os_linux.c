/*
 * os_linux.c: the runtime's OS layer (rt_os_*), returning 0 or an errno.
 *
 * Calls that may run on a goroutine segment (write, exit, yield; the lock)
 * are raw system calls through rt_syscall6 (asm_*.S): no libc, no PLT, so no
 * lazy-binding resolver that saves vector registers on a stack that has only
 * RT_STACK_SLACK bytes of slack. The others (mmap, getenv) run at startup or
 * on the system stack and use libc.
 */
#define _GNU_SOURCE
#include "rt.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>

int rt_os_write(int fd, const void *p, size_t n)
{
	const char *s = p;
	while (n > 0) {
		long r = rt_syscall6(SYS_write, fd, (long)s, (long)n, 0, 0, 0);
		if (r == -EINTR)
			continue;
		if (r < 0)
			return (int)-r;
		s += r;
		n -= (size_t)r;
	}
	return 0;
}

void rt_os_exit(int code)
{
	for (;;)
		rt_syscall6(SYS_exit_group, code, 0, 0, 0, 0, 0);
}

void rt_os_yield(void)
{
	rt_syscall6(SYS_sched_yield, 0, 0, 0, 0, 0, 0);
}

int rt_os_mmap(void **out, size_t len, int noreserve)
{
	int flags = MAP_PRIVATE | MAP_ANONYMOUS | (noreserve ? MAP_NORESERVE : 0);
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, flags, -1, 0);
	if (p == MAP_FAILED)
		return errno;
	*out = p;
	return 0;
}

void rt_os_hugepages(void *p, size_t len)
{
	madvise(p, len, MADV_HUGEPAGE);        /* advice only: failure is harmless */
}

int rt_os_munmap(void *p, size_t len)
{
	return munmap(p, len) ? errno : 0;
}

const char *rt_os_getenv(const char *name)
{
	return getenv(name);
}

void rt_lock(RtLock *l)
{
	for (;;) {
		if (!__atomic_exchange_n(&l->v, 1, __ATOMIC_ACQUIRE))
			return;
		for (int i = 0; i < 100 && __atomic_load_n(&l->v, __ATOMIC_RELAXED); i++)
			;
		if (__atomic_load_n(&l->v, __ATOMIC_RELAXED))
			rt_os_yield();
	}
}

int rt_trylock(RtLock *l)
{
	return !__atomic_exchange_n(&l->v, 1, __ATOMIC_ACQUIRE);
}

void rt_os_release(void *p, size_t len)
{
	madvise(p, len, MADV_DONTNEED);        /* fresh zero pages on the next touch */
}

void rt_unlock(RtLock *l)
{
	__atomic_store_n(&l->v, 0, __ATOMIC_RELEASE);
}
