/*
 * sema.c: semaphores and notify lists behind sync (Mutex, RWMutex,
 * WaitGroup, Cond) and internal/poll's fdMutex.
 *
 * A semaphore is a uint32 in Go memory; goroutines waiting on one are kept
 * here, in a table of FIFO lists hashed by the semaphore's address.
 * Semacquire takes a unit if there is one, else queues (at the tail, or the
 * head for lifo: sync.Mutex's waiters that already waited) and parks;
 * Semrelease adds a unit and wakes the first waiter of that address, which
 * takes it (handoff gives it directly). A notify list (sync.Cond) is gc's
 * ticket scheme: Add hands out tickets, Wait parks until its ticket has
 * been notified, NotifyOne wakes the oldest unnotified ticket, NotifyAll
 * every one.
 *
 * Each table root has a lock and a count of waiters, so a release with
 * nobody waiting is one atomic add and one load. A waiter queues and parks
 * holding its root's lock; the lock is released once it is parked
 * (rt_gopark's unlock function), so a releaser that finds it in the queue
 * can always ready it. A notify list keeps its waiters under the lock word
 * of sync.notifyList.
 *
 * The collector (gcroots.c): a Waiter lives in the parked goroutine's C
 * frame; its semaphore address (a field of a Go object, or a global) is
 * registered with rt_gopark as a root. A notify list's waiter holds no Go
 * pointer; sync.notifyList's head/tail words point at Waiters on goroutine
 * stacks (not heap memory).
 */
#include "rt.h"

#include <string.h>

typedef struct Waiter Waiter;
struct Waiter {
	uint32_t *addr;         /* semaphore (first: the parked waiter's root), or */
	G *g;
	uint32_t ticket;        /* notify list ticket */
	int acquired;           /* handoff: the unit is ours */
	Waiter *next, *prev;
};

enum { NROOTS = 251 };
typedef struct Root {
	RtLock lock;
	volatile uint32_t nwait;
	Waiter *head, *tail;
} Root;
static Root roots[NROOTS];

static Root *root_of(const void *addr) { return &roots[((uintptr_t)addr >> 3) % NROOTS]; }

static int cansemacquire(uint32_t *addr)
{
	for (;;) {
		uint32_t v = __atomic_load_n(addr, __ATOMIC_ACQUIRE);
		if (v == 0) return 0;
		if (__atomic_compare_exchange_n(addr, &v, v - 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) return 1;
	}
}

static void unlock_root(void *r) { rt_unlock(&((Root *)r)->lock); }

static void semacquire(uint32_t *addr, int lifo, const char *reason)
{
	if (cansemacquire(addr)) return;
	Waiter w = {.g = rt_getg(), .addr = addr};
	RtRoots roots = {&w, 1, sizeof w, 1, NULL};
	Root *r = root_of(addr);
	for (;;) {
		rt_lock(&r->lock);
		__atomic_add_fetch(&r->nwait, 1, __ATOMIC_SEQ_CST);
		if (cansemacquire(addr)) {
			__atomic_sub_fetch(&r->nwait, 1, __ATOMIC_SEQ_CST);
			rt_unlock(&r->lock);
			return;
		}
		w.next = w.prev = NULL;
		if (lifo && r->head) {
			w.next = r->head;
			r->head->prev = &w;
			r->head = &w;
		} else {
			w.prev = r->tail;
			if (r->tail) r->tail->next = &w;
			else r->head = &w;
			r->tail = &w;
		}
		rt_gopark(unlock_root, r, reason, &roots);
		if (w.acquired || cansemacquire(addr)) return;
		lifo = 1;
	}
}

static void semrelease(uint32_t *addr, int handoff)
{
	__atomic_add_fetch(addr, 1, __ATOMIC_SEQ_CST);
	Root *r = root_of(addr);
	if (__atomic_load_n(&r->nwait, __ATOMIC_SEQ_CST) == 0) return;
	rt_lock(&r->lock);
	for (Waiter *w = r->head; w; w = w->next) {
		if (w->addr != addr) continue;
		if (w->prev) w->prev->next = w->next;
		else r->head = w->next;
		if (w->next) w->next->prev = w->prev;
		else r->tail = w->prev;
		__atomic_sub_fetch(&r->nwait, 1, __ATOMIC_SEQ_CST);
		if (handoff && cansemacquire(addr)) w->acquired = 1;
		G *g = w->g;
		rt_unlock(&r->lock);
		rt_goready(g);
		return;
	}
	rt_unlock(&r->lock);
}

void rt_sync_semacquire_c(uint32_t *addr) { semacquire(addr, 0, "semacquire"); }
void rt_sync_semacquiremutex_c(uint32_t *addr, int8_t lifo, intptr_t skip)
{
	(void)skip;
	semacquire(addr, lifo & 1, "sync.Mutex.Lock");
}

void rt_sync_semrelease(uint32_t *addr, int8_t handoff, intptr_t skip) __asm__("sync.runtime_Semrelease");
void rt_sync_semrelease(uint32_t *addr, int8_t handoff, intptr_t skip)
{
	(void)skip;
	semrelease(addr, handoff & 1);
}

void rt_poll_semrelease(uint32_t *addr) __asm__("internal/poll.runtime_Semrelease");
void rt_poll_semrelease(uint32_t *addr) { semrelease(addr, 0); }

/* ---------------------------------------------------------- notify lists */

typedef struct NotifyList {     /* sync.notifyList */
	uint32_t wait;
	uint32_t notify;
	uintptr_t lock;
	Waiter *head, *tail;
} NotifyList;

uint32_t rt_notifylistadd(NotifyList *l) __asm__("sync.runtime_notifyListAdd");
uint32_t rt_notifylistadd(NotifyList *l) { return __atomic_fetch_add(&l->wait, 1, __ATOMIC_SEQ_CST); }

/* a ticket t has been notified when it is below l->notify (mod 2^32) */
static int notified(NotifyList *l, uint32_t t)
{
	return (int32_t)(t - __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST)) < 0;
}

static RtLock *list_lock(NotifyList *l) { return (RtLock *)&l->lock; }
static void unlock_list(void *l) { rt_unlock(list_lock(l)); }

void rt_notifylistwait_c(NotifyList *l, uint32_t t)
{
	rt_lock(list_lock(l));
	if (notified(l, t)) {
		rt_unlock(list_lock(l));
		return;
	}
	Waiter w = {.g = rt_getg(), .ticket = t};
	w.prev = l->tail;
	if (l->tail) l->tail->next = &w;
	else l->head = &w;
	l->tail = &w;
	rt_gopark(unlock_list, l, "sync.Cond.Wait", NULL);
}

void rt_notifylistnotifyall(NotifyList *l) __asm__("sync.runtime_notifyListNotifyAll");
void rt_notifylistnotifyall(NotifyList *l)
{
	if (__atomic_load_n(&l->wait, __ATOMIC_SEQ_CST) == __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST)) return;
	rt_lock(list_lock(l));
	Waiter *w = l->head;
	l->head = l->tail = NULL;
	__atomic_store_n(&l->notify, __atomic_load_n(&l->wait, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
	rt_unlock(list_lock(l));
	for (Waiter *n; w; w = n) {
		n = w->next;
		rt_goready(w->g);
	}
}

void rt_notifylistnotifyone(NotifyList *l) __asm__("sync.runtime_notifyListNotifyOne");
void rt_notifylistnotifyone(NotifyList *l)
{
	if (__atomic_load_n(&l->wait, __ATOMIC_SEQ_CST) == __atomic_load_n(&l->notify, __ATOMIC_SEQ_CST)) return;
	rt_lock(list_lock(l));
	uint32_t t = l->notify;
	if (t == __atomic_load_n(&l->wait, __ATOMIC_SEQ_CST)) {
		rt_unlock(list_lock(l));
		return;
	}
	__atomic_store_n(&l->notify, t + 1, __ATOMIC_SEQ_CST);
	for (Waiter *w = l->head; w; w = w->next) {
		if (w->ticket != t) continue;
		if (w->prev) w->prev->next = w->next;
		else l->head = w->next;
		if (w->next) w->next->prev = w->prev;
		else l->tail = w->prev;
		G *g = w->g;
		rt_unlock(list_lock(l));
		rt_goready(g);
		return;
	}
	rt_unlock(list_lock(l));
}

void rt_notifylistcheck(uintptr_t size) __asm__("sync.runtime_notifyListCheck");
void rt_notifylistcheck(uintptr_t size)
{
	if (size != sizeof(NotifyList)) rt_throw("bad notifyList size - sync/runtime mismatch");
}
