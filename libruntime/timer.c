/*
 * timer.c: the clocks and timers behind package time (time.Sleep, now,
 * runtimeNano, startTimer/stopTimer/resetTimer/modTimer) and the
 * runtime's own timers (netpoll deadlines).
 *
 * Every P has a heap of pending timers ordered by `when` (monotonic
 * nanoseconds) under its own lock, with a lock-free copy of the earliest
 * deadline (TimerHeap.next): a timer goes into the heap of the P that
 * starts it. An entry is a sleeping goroutine (time.Sleep), one of package
 * time's runtimeTimer structs (its `pp` word holds the P, its `status` the
 * heap index + 1, 0: not pending; package time never reads either) or an
 * RtTimer. The M holding a P runs its due timers before it picks a
 * goroutine, and an M looking for work runs every P's (proc.c); an M with
 * nothing to run waits in the netpoller until the earliest timer of all
 * Ps, and a timer earlier than that wait wakes it (rt_wake_netpoller). A
 * runtimeTimer that fires gets a new goroutine running f(arg, seq)
 * (sendTime, goFunc: short functions that never block); a periodic one is
 * put back at its next time.
 *
 * Operations on one runtimeTimer (stop, reset, modify) are serialized by a
 * striped lock on its address, then take the heap lock of the P it is on:
 * only firing (which holds that heap lock) can change its P meanwhile.
 */
#define _GNU_SOURCE
#include "rt.h"

#include <stdlib.h>
#include <time.h>

/* package time's runtimeTimer (time/sleep.go) */
typedef struct GoTimer {
	uintptr_t pp;           /* the P whose heap holds it */
	int64_t when;
	int64_t period;
	void *f;                /* func(any, uintptr): a funcval */
	GoEface arg;
	uintptr_t seq;
	int64_t nextwhen;
	uint32_t status;        /* heap index + 1, 0: not pending */
} GoTimer;

struct TimerEntry {
	int64_t when;
	GoTimer *t;             /* or */
	G *g;                   /* a sleeping goroutine, or */
	RtTimer *c;             /* a runtime timer */
};
typedef struct TimerEntry Entry;

int64_t rt_nanotime(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void update_next(TimerHeap *h)
{
	__atomic_store_n(&h->next, h->n ? (h->e[0].when ? h->e[0].when : 1) : 0, __ATOMIC_RELEASE);
}

static void set_index(TimerHeap *h, P *p, int i)
{
	Entry *e = &h->e[i];
	if (e->t) {
		__atomic_store_n(&e->t->pp, (uintptr_t)p, __ATOMIC_RELEASE);
		e->t->status = (uint32_t)i + 1;
	}
	if (e->c) {
		e->c->p = p;
		e->c->idx = i + 1;
	}
}

static void swap(TimerHeap *h, P *p, int i, int j)
{
	Entry e = h->e[i];
	h->e[i] = h->e[j];
	h->e[j] = e;
	set_index(h, p, i);
	set_index(h, p, j);
}

static void up(TimerHeap *h, P *p, int i)
{
	while (i > 0 && h->e[(i - 1) / 2].when > h->e[i].when) {
		swap(h, p, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void down(TimerHeap *h, P *p, int i)
{
	for (;;) {
		int l = 2 * i + 1, m = i;
		if (l < h->n && h->e[l].when < h->e[m].when) m = l;
		if (l + 1 < h->n && h->e[l + 1].when < h->e[m].when) m = l + 1;
		if (m == i) return;
		swap(h, p, i, m);
		i = m;
	}
}

static void grow_sys(void *arg)
{
	TimerHeap *h = arg;
	int cap = h->cap ? 2 * h->cap : 64;
	Entry *e = realloc(h->e, sizeof(Entry) * (size_t)cap);
	if (!e) rt_throw("out of memory for timers");
	h->e = e;
	h->cap = cap;
}

/* h locked */
static void push(TimerHeap *h, P *p, Entry e)
{
	if (h->n == h->cap) rt_systemstack(grow_sys, h);        /* realloc: not on a goroutine segment */
	h->e[h->n] = e;
	set_index(h, p, h->n);
	up(h, p, h->n++);
}

static void remove_at(TimerHeap *h, P *p, int i)
{
	Entry *e = &h->e[i];
	if (e->t) {
		__atomic_store_n(&e->t->pp, 0, __ATOMIC_RELEASE);
		e->t->status = 0;
	}
	if (e->c) {
		e->c->p = NULL;
		e->c->idx = 0;
	}
	h->n--;
	if (i != h->n) {
		h->e[i] = h->e[h->n];
		set_index(h, p, i);
		down(h, p, i);
		up(h, p, i);
	}
}

/* the current M's P (a goroutine with a P, or an M on its system stack) */
static P *curp(void)
{
	P *p = rt_getm()->p;
	if (!p) rt_throw("timer: no P");
	return p;
}

/* runs p's due timers (system stack): sleepers are readied and timer
 * functions get goroutines, onto the current M's P; returns p's next
 * deadline or 0 */
int64_t rt_timers_run(P *p)
{
	TimerHeap *h = &p->timers;
	int64_t next = __atomic_load_n(&h->next, __ATOMIC_ACQUIRE);
	if (!next || next > rt_nanotime()) return next;
	enum { BATCH = 64 };
	G *ready[BATCH];
	RtTimer *calls[BATCH];
	int n = 0, nc = 0;
	rt_lock(&h->lock);
	int64_t now = rt_nanotime();
	while (h->n > 0 && n < BATCH && nc < BATCH) {
		Entry e = h->e[0];
		if (e.when > now) break;
		remove_at(h, p, 0);
		if (e.c) {
			calls[nc++] = e.c;
			continue;
		}
		if (e.g) {
			ready[n++] = e.g;
			continue;
		}
		GoTimer *t = e.t;
		if (t->period > 0) {
			t->when += t->period * (1 + (now - t->when) / t->period);
			if (t->when < 0) t->when = INT64_MAX;
			push(h, p, (Entry){t->when, t, NULL, NULL});
		}
		void *code = *(void **)t->f;
		ready[n++] = rt_newg(code, t->f, (uintptr_t)t->arg.t, (uintptr_t)t->arg.data, t->seq,
		                     RT_START_NEST | RT_START_A0 | RT_START_A1);
	}
	update_next(h);
	rt_unlock(&h->lock);
	for (int i = 0; i < n; i++) {
		if (ready[i]->status == G_WAITING) rt_goready(ready[i]);
		else rt_ready_new(ready[i]);
	}
	for (int i = 0; i < nc; i++) calls[i]->f(calls[i]->arg);
	return __atomic_load_n(&h->next, __ATOMIC_ACQUIRE);
}

/* The collector's view (world stopped): a pending runtimeTimer is reachable
 * from its P's heap alone (time.AfterFunc's timer may have no other
 * reference); its f and arg are fields of that Go object. Sleepers (G) and
 * runtime timers (RtTimer) are C memory. */
void rt_timer_roots(P *p, RootVisitor fn, void *arg)
{
	TimerHeap *h = &p->timers;
	for (int i = 0; i < h->n; i++)
		if (h->e[i].t) fn((uintptr_t *)&h->e[i].t, (uintptr_t *)&h->e[i].t, arg);
}

/* after a timer was added at `when`: unlock, and make sure an M waits for it */
static void added(TimerHeap *h, int64_t when)
{
	update_next(h);
	rt_unlock(&h->lock);
	rt_wake_netpoller(when);
}

/* the world is stopped: p's timers move to `to` (procresize) */
void rt_timers_move(P *p, P *to)
{
	TimerHeap *h = &p->timers, *d = &to->timers;
	for (int i = 0; i < h->n; i++) {
		Entry e = h->e[i];
		if (d->n == d->cap) grow_sys(d);
		d->e[d->n] = e;
		set_index(d, to, d->n);
		up(d, to, d->n++);
	}
	h->n = 0;
	update_next(h);
	update_next(d);
}

/* the heap holding a timer, locked, or NULL if it is not pending */
static TimerHeap *lock_heap(uintptr_t *pp, P **pout)
{
	for (;;) {
		P *p = (P *)__atomic_load_n(pp, __ATOMIC_ACQUIRE);
		if (!p) return NULL;
		rt_lock(&p->timers.lock);
		if (__atomic_load_n(pp, __ATOMIC_ACQUIRE) == (uintptr_t)p) {
			*pout = p;
			return &p->timers;
		}
		rt_unlock(&p->timers.lock);
	}
}

/* runtime timers: f(arg) runs on an M's system stack once `when` passed;
 * it may run after a concurrent stop, so it checks its own state */
void rt_ctimer_set(RtTimer *c, int64_t when)
{
	rt_ctimer_stop(c);
	P *p = curp();
	TimerHeap *h = &p->timers;
	rt_lock(&h->lock);
	push(h, p, (Entry){when, NULL, NULL, c});
	added(h, when);
}

void rt_ctimer_stop(RtTimer *c)
{
	P *p;
	TimerHeap *h = lock_heap((uintptr_t *)&c->p, &p);
	if (!h) return;
	if (c->idx) remove_at(h, p, c->idx - 1);
	update_next(h);
	rt_unlock(&h->lock);
}

/* ---------------------------------------------------------- package time */

static void sleep_unlock(void *arg)
{
	P *p = rt_curm->p;
	added(&p->timers, *(int64_t *)arg);
}

/* time.Sleep (an RT_GOENTRY: the sleeping goroutine's trace starts at its
 * caller); the heap lock is released after the goroutine is parked */
void rt_time_sleep_c(int64_t ns)
{
	if (ns <= 0) return;
	G *g = rt_getg();
	int64_t when = rt_nanotime() + ns;
	if (when < 0) when = INT64_MAX;
	P *p = curp();
	rt_lock(&p->timers.lock);
	push(&p->timers, p, (Entry){when, NULL, g, NULL});
	rt_gopark(sleep_unlock, &when, "sleep", NULL);
}

static RtLock tlocks[64];       /* one runtimeTimer's operations, striped by address */
static RtLock *tlock(GoTimer *t) { return &tlocks[((uintptr_t)t >> 4) % 64]; }

/* t locked by tlock: takes it off its heap; 1 if it was pending */
static int8_t stop_locked(GoTimer *t)
{
	P *p;
	TimerHeap *h = lock_heap(&t->pp, &p);
	if (!h) return 0;
	remove_at(h, p, (int)t->status - 1);
	update_next(h);
	rt_unlock(&h->lock);
	return 1;
}

static void start_locked(GoTimer *t)
{
	if (t->when < 0) t->when = INT64_MAX;
	P *p = curp();
	rt_lock(&p->timers.lock);
	push(&p->timers, p, (Entry){t->when, t, NULL, NULL});
	added(&p->timers, t->when);
}

void rt_time_starttimer(GoTimer *t) __asm__("time.startTimer");
void rt_time_starttimer(GoTimer *t)
{
	rt_lock(tlock(t));
	start_locked(t);
	rt_unlock(tlock(t));
}

int8_t rt_time_stoptimer(GoTimer *t) __asm__("time.stopTimer");
int8_t rt_time_stoptimer(GoTimer *t)
{
	rt_lock(tlock(t));
	int8_t r = stop_locked(t);
	rt_unlock(tlock(t));
	return r;
}

int8_t rt_time_resettimer(GoTimer *t, int64_t when) __asm__("time.resetTimer");
int8_t rt_time_resettimer(GoTimer *t, int64_t when)
{
	rt_lock(tlock(t));
	int8_t pending = stop_locked(t);
	t->when = when;
	start_locked(t);
	rt_unlock(tlock(t));
	return pending;
}

void rt_time_modtimer(GoTimer *t, int64_t when, int64_t period, void *f, const GoType *at, void *ad, uintptr_t seq)
	__asm__("time.modTimer");
void rt_time_modtimer(GoTimer *t, int64_t when, int64_t period, void *f, const GoType *at, void *ad, uintptr_t seq)
{
	rt_lock(tlock(t));
	stop_locked(t);
	t->period = period;
	t->f = f;
	t->arg = (GoEface){at, ad};
	t->seq = seq;
	t->when = when;
	start_locked(t);
	rt_unlock(tlock(t));
}

typedef struct TimeNow {
	int64_t sec;
	int32_t nsec;
	int64_t mono;
} TimeNow;

/* now() (sec int64, nsec int32, mono int64): three results, through memory */
void rt_time_now(TimeNow *out) __asm__("time.now");
void rt_time_now(TimeNow *out)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	out->sec = ts.tv_sec;
	out->nsec = (int32_t)ts.tv_nsec;
	out->mono = rt_nanotime();
}

int64_t rt_time_runtimenano(void) __asm__("time.runtimeNano");
int64_t rt_time_runtimenano(void) { return rt_nanotime(); }
int64_t rt_poll_runtimenano(void) __asm__("internal/poll.runtimeNano");
int64_t rt_poll_runtimenano(void) { return rt_nanotime(); }
int64_t rt_sync_nanotime(void) __asm__("sync.runtime_nanotime");
int64_t rt_sync_nanotime(void) { return rt_nanotime(); }
