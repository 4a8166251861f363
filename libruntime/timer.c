/*
 * timer.c: the clocks and timers behind package time (time.Sleep, now,
 * runtimeNano, startTimer/stopTimer/resetTimer/modTimer).
 *
 * One heap of pending timers ordered by `when` (monotonic nanoseconds). An
 * entry is either a sleeping goroutine (time.Sleep) or one of package
 * time's runtimeTimer structs, whose `pp` word (a P pointer in gc, opaque
 * to package time) holds our heap index + 1 (0: not pending). The
 * scheduler (proc.c) runs rt_timers_run before it picks a goroutine and,
 * when nothing is runnable, sleeps until the earliest timer instead of
 * reporting a deadlock. A runtimeTimer that fires gets a new goroutine
 * running f(arg, seq) (sendTime, goFunc: short functions that never block);
 * a periodic one is put back at its next time.
 */
#define _GNU_SOURCE
#include "rt.h"

#include <stdlib.h>
#include <time.h>

/* package time's runtimeTimer (time/sleep.go) */
typedef struct GoTimer {
	uintptr_t pp;
	int64_t when;
	int64_t period;
	void *f;                /* func(any, uintptr): a funcval */
	GoEface arg;
	uintptr_t seq;
	int64_t nextwhen;
	uint32_t status;
} GoTimer;

typedef struct Entry {
	int64_t when;
	GoTimer *t;             /* or */
	G *g;                   /* a sleeping goroutine */
} Entry;

static Entry *heap;
static int nheap, capheap;

int64_t rt_nanotime(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void set_index(int i)
{
	if (heap[i].t) heap[i].t->pp = (uintptr_t)i + 1;
}

static void swap(int i, int j)
{
	Entry e = heap[i];
	heap[i] = heap[j];
	heap[j] = e;
	set_index(i);
	set_index(j);
}

static void up(int i)
{
	while (i > 0 && heap[(i - 1) / 2].when > heap[i].when) {
		swap(i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void down(int i)
{
	for (;;) {
		int l = 2 * i + 1, m = i;
		if (l < nheap && heap[l].when < heap[m].when) m = l;
		if (l + 1 < nheap && heap[l + 1].when < heap[m].when) m = l + 1;
		if (m == i) return;
		swap(i, m);
		i = m;
	}
}

static void push(Entry e)
{
	if (nheap == capheap) {
		capheap = capheap ? 2 * capheap : 64;
		heap = realloc(heap, sizeof(Entry) * (size_t)capheap);
		if (!heap) rt_throw("out of memory for timers");
	}
	heap[nheap] = e;
	set_index(nheap);
	up(nheap++);
}

static void remove_at(int i)
{
	if (heap[i].t) heap[i].t->pp = 0;
	nheap--;
	if (i != nheap) {
		heap[i] = heap[nheap];
		set_index(i);
		down(i);
		up(i);
	}
}

/* run what is due; returns the next deadline, or -1 with no timers */
int64_t rt_timers_run(void)
{
	while (nheap > 0) {
		int64_t now = rt_nanotime();
		Entry e = heap[0];
		if (e.when > now) return e.when;
		remove_at(0);
		if (e.g) {
			rt_goready(e.g);
			continue;
		}
		GoTimer *t = e.t;
		if (t->period > 0) {
			t->when += t->period * (1 + (now - t->when) / t->period);
			if (t->when < 0) t->when = INT64_MAX;
			push((Entry){t->when, t, NULL});
		}
		void *code = *(void **)t->f;
		rt_goready(rt_newg(code, t->f, (uintptr_t)t->arg.t, (uintptr_t)t->arg.data, t->seq));
	}
	return -1;
}

void rt_timers_sleep_until(int64_t when)
{
	int64_t d = when - rt_nanotime();
	if (d <= 0) return;
	struct timespec ts = {d / 1000000000, d % 1000000000};
	nanosleep(&ts, NULL);
}

/* ---------------------------------------------------------- package time */

/* time.Sleep (an RT_GOENTRY: the sleeping goroutine's trace starts at its caller) */
void rt_time_sleep_c(int64_t ns)
{
	if (ns <= 0) return;
	G *g = rt_curg;
	int64_t when = rt_nanotime() + ns;
	if (when < 0) when = INT64_MAX;
	push((Entry){when, NULL, g});
	rt_gopark(NULL, NULL, "sleep");
}

void rt_time_starttimer(GoTimer *t) __asm__("time.startTimer");
void rt_time_starttimer(GoTimer *t)
{
	if (t->when < 0) t->when = INT64_MAX;
	push((Entry){t->when, t, NULL});
}

int8_t rt_time_stoptimer(GoTimer *t) __asm__("time.stopTimer");
int8_t rt_time_stoptimer(GoTimer *t)
{
	if (!t->pp) return 0;
	remove_at((int)t->pp - 1);
	return 1;
}

int8_t rt_time_resettimer(GoTimer *t, int64_t when) __asm__("time.resetTimer");
int8_t rt_time_resettimer(GoTimer *t, int64_t when)
{
	int8_t pending = rt_time_stoptimer(t);
	t->when = when < 0 ? INT64_MAX : when;
	push((Entry){t->when, t, NULL});
	return pending;
}

void rt_time_modtimer(GoTimer *t, int64_t when, int64_t period, void *f, const GoType *at, void *ad, uintptr_t seq)
	__asm__("time.modTimer");
void rt_time_modtimer(GoTimer *t, int64_t when, int64_t period, void *f, const GoType *at, void *ad, uintptr_t seq)
{
	rt_time_stoptimer(t);
	t->period = period;
	t->f = f;
	t->arg = (GoEface){at, ad};
	t->seq = seq;
	t->when = when < 0 ? INT64_MAX : when;
	push((Entry){t->when, t, NULL});
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
