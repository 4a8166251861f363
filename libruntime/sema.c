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
 * The scheduler runs one goroutine at a time (proc.c), so these structures
 * need no locks yet; issue #6 adds them with threads.
 */
#include "rt.h"

#include <string.h>

typedef struct Waiter Waiter;
struct Waiter {
	G *g;
	uint32_t *addr;         /* semaphore, or */
	uint32_t ticket;        /* notify list ticket */
	int acquired;           /* handoff: the unit is ours */
	Waiter *next, *prev;
};

enum { NROOTS = 251 };
static struct {
	Waiter *head, *tail;
} roots[NROOTS];

static unsigned root_of(const void *addr) { return (unsigned)(((uintptr_t)addr >> 3) % NROOTS); }

static int cansemacquire(uint32_t *addr)
{
	for (;;) {
		uint32_t v = __atomic_load_n(addr, __ATOMIC_ACQUIRE);
		if (v == 0) return 0;
		if (__atomic_compare_exchange_n(addr, &v, v - 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) return 1;
	}
}

static void semacquire(uint32_t *addr, int lifo, const char *reason)
{
	if (cansemacquire(addr)) return;
	Waiter w = {.g = rt_curg, .addr = addr};
	unsigned r = root_of(addr);
	for (;;) {
		if (lifo && roots[r].head) {
			w.next = roots[r].head;
			roots[r].head->prev = &w;
			roots[r].head = &w;
		} else {
			w.prev = roots[r].tail;
			if (roots[r].tail) roots[r].tail->next = &w;
			else roots[r].head = &w;
			roots[r].tail = &w;
		}
		rt_gopark(NULL, NULL, reason);
		if (w.acquired || cansemacquire(addr)) return;
		w.next = w.prev = NULL;
		lifo = 1;
	}
}

static void semrelease(uint32_t *addr, int handoff)
{
	__atomic_add_fetch(addr, 1, __ATOMIC_RELEASE);
	unsigned r = root_of(addr);
	for (Waiter *w = roots[r].head; w; w = w->next) {
		if (w->addr != addr) continue;
		if (w->prev) w->prev->next = w->next;
		else roots[r].head = w->next;
		if (w->next) w->next->prev = w->prev;
		else roots[r].tail = w->prev;
		if (handoff && cansemacquire(addr)) w->acquired = 1;
		rt_goready(w->g);
		return;
	}
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
uint32_t rt_notifylistadd(NotifyList *l) { return __atomic_fetch_add(&l->wait, 1, __ATOMIC_ACQ_REL); }

/* a ticket t has been notified when it is below l->notify (mod 2^32) */
static int notified(NotifyList *l, uint32_t t) { return (int32_t)(t - l->notify) < 0; }

void rt_notifylistwait_c(NotifyList *l, uint32_t t)
{
	if (notified(l, t)) return;
	Waiter w = {.g = rt_curg, .ticket = t};
	w.prev = l->tail;
	if (l->tail) l->tail->next = &w;
	else l->head = &w;
	l->tail = &w;
	rt_gopark(NULL, NULL, "sync.Cond.Wait");
}

void rt_notifylistnotifyall(NotifyList *l) __asm__("sync.runtime_notifyListNotifyAll");
void rt_notifylistnotifyall(NotifyList *l)
{
	if (l->wait == l->notify) return;
	Waiter *w = l->head;
	l->head = l->tail = NULL;
	l->notify = l->wait;
	for (Waiter *n; w; w = n) {
		n = w->next;
		rt_goready(w->g);
	}
}

void rt_notifylistnotifyone(NotifyList *l) __asm__("sync.runtime_notifyListNotifyOne");
void rt_notifylistnotifyone(NotifyList *l)
{
	if (l->wait == l->notify) return;
	uint32_t t = l->notify++;
	for (Waiter *w = l->head; w; w = w->next) {
		if (w->ticket != t) continue;
		if (w->prev) w->prev->next = w->next;
		else l->head = w->next;
		if (w->next) w->next->prev = w->prev;
		else l->tail = w->prev;
		rt_goready(w->g);
		return;
	}
}

void rt_notifylistcheck(uintptr_t size) __asm__("sync.runtime_notifyListCheck");
void rt_notifylistcheck(uintptr_t size)
{
	if (size != sizeof(NotifyList)) rt_throw("bad notifyList size - sync/runtime mismatch");
}
