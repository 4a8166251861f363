/* test_note.c: futex notes (proc.c), the sleep/wake primitive idle Ms,
 * stop-the-world and the template thread use, driven from plain pthreads. */
#define _GNU_SOURCE
#include "rt.h"
#include "testhelper.h"

#include <pthread.h>
#include <time.h>

static Note note;
static volatile int woke;

static void *sleeper(void *arg)
{
	(void)arg;
	rt_notesleep(&note);
	__atomic_store_n(&woke, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void *waker(void *arg)
{
	struct timespec ts = {0, 20 * 1000 * 1000};
	nanosleep(&ts, NULL);
	rt_notewakeup(arg);
	return NULL;
}

int main(void)
{
	CHECK_BODY("note: a wakeup before the sleep is not lost")
	{
		rt_noteclear(&note);
		rt_notewakeup(&note);
		rt_notesleep(&note);    /* returns at once */
		result = note.key == 1;
	}
	CHECK_BODY("note: another thread's wakeup ends a sleep")
	{
		rt_noteclear(&note);
		woke = 0;
		pthread_t t;
		pthread_create(&t, NULL, sleeper, NULL);
		struct timespec ts = {0, 20 * 1000 * 1000};
		nanosleep(&ts, NULL);
		result = !__atomic_load_n(&woke, __ATOMIC_SEQ_CST);     /* still asleep */
		rt_notewakeup(&note);
		pthread_join(t, NULL);
		result = result && woke;
	}
	CHECK_BODY("note: a timed sleep times out after its duration")
	{
		rt_noteclear(&note);
		int64_t t0 = rt_nanotime();
		int r = rt_notetsleep(&note, 30 * 1000 * 1000);
		result = r == 0 && rt_nanotime() - t0 >= 30 * 1000 * 1000;
	}
	CHECK_BODY("note: a timed sleep ends early when woken")
	{
		rt_noteclear(&note);
		pthread_t t;
		pthread_create(&t, NULL, waker, &note);
		int64_t t0 = rt_nanotime();
		int r = rt_notetsleep(&note, (int64_t)10 * 1000 * 1000 * 1000);
		pthread_join(t, NULL);
		result = r == 1 && rt_nanotime() - t0 < (int64_t)5 * 1000 * 1000 * 1000;
	}
	return print_test_summary();
}
