/*
 * netpoll.c: the network poller, on epoll, and internal/poll's hooks.
 *
 * An idle M waits here (rt_netpoll with a delay) until the next timer is
 * due or a descriptor some goroutine waits for becomes ready; only one M
 * at a time does (proc.c); the others look without waiting. An eventfd
 * registered with the epoll instance lets another thread cut that wait
 * short (rt_netpoll_break): a new timer earlier than the wait, or work for
 * the waiting M.
 *
 * internal/poll registers the descriptors that support it (pipes,
 * sockets, terminals; not regular files, for which epoll_ctl fails and
 * I/O stays blocking) edge-triggered, with a PollDesc as their context.
 * A PollDesc has a read and a write side, each NULL, PD_READY (an event
 * came and nobody consumed it) or the goroutine parked waiting for one.
 * An event readies the waiter (or leaves PD_READY); the waiter consumes
 * PD_READY, or finds the error that woke it: the descriptor is closing
 * (pollUnblock) or its deadline passed (pollSetDeadline arms a runtime
 * timer per side). PollDescs are never freed (a free list reuses them),
 * so an event that races with a close finds a valid one, at worst a
 * spurious readiness the reader's EAGAIN loop absorbs.
 */
#define _GNU_SOURCE
#include "rt.h"

#include <errno.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct PollDesc PollDesc;
static void netpollready(PollDesc *pd, int r, int w, G **list);

static int epfd = -1, breakfd = -1;
static volatile uint32_t break_pending;
volatile int32_t rt_netpoll_waiters;    /* goroutines parked on descriptors */

void rt_netpoll_init(void)
{
	epfd = epoll_create1(EPOLL_CLOEXEC);
	breakfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (epfd < 0 || breakfd < 0) rt_throw("runtime: netpollinit failed");
	struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
	if (epoll_ctl(epfd, EPOLL_CTL_ADD, breakfd, &ev)) rt_throw("runtime: netpollinit failed");
}

int rt_netpoll_inited(void) { return epfd >= 0; }

void rt_netpoll_break(void)
{
	if (__atomic_exchange_n(&break_pending, 1, __ATOMIC_SEQ_CST)) return;
	uint64_t one = 1;
	for (;;) {
		long r = rt_syscall6(SYS_write, breakfd, (long)&one, sizeof one, 0, 0, 0);
		if (r != -EINTR) break;
	}
}

/* waits up to delay ns (< 0: forever, 0: only looks); returns the
 * goroutines made ready, linked through schedlink (system stack) */
G *rt_netpoll(int64_t delay)
{
	int ms;
	if (delay < 0) ms = -1;
	else if (delay == 0) ms = 0;
	else if (delay < 1000000) ms = 1;
	else if (delay < (int64_t)1e15) ms = (int)(delay / 1000000);
	else ms = 1000000000;
	struct epoll_event evs[128];
	int n = epoll_wait(epfd, evs, 128, ms);
	if (n < 0) {
		if (errno != EINTR) rt_throw("runtime: netpoll failed");
		return NULL;
	}
	G *list = NULL;
	for (int i = 0; i < n; i++) {
		if (evs[i].data.ptr == NULL) {
			uint64_t v;
			(void)!read(breakfd, &v, sizeof v);
			__atomic_store_n(&break_pending, 0, __ATOMIC_SEQ_CST);
			continue;
		}
		uint32_t e = evs[i].events;
		int r = (e & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0;
		int w = (e & (EPOLLOUT | EPOLLHUP | EPOLLERR)) != 0;
		netpollready(evs[i].data.ptr, r, w, &list);
	}
	return list;
}

/* ------------------------------------------------------- internal/poll */

#define PD_READY ((G *)1)

enum {                          /* pollWait's results (internal/poll) */
	POLL_OK, POLL_CLOSING, POLL_TIMEOUT, POLL_NOTPOLLABLE,
};

struct PollDesc {
	RtLock lock;
	int fd;
	int closing;
	G *rg, *wg;             /* NULL, PD_READY or the waiting goroutine */
	int64_t rd, wd;         /* deadlines: 0 none, < 0 passed */
	RtTimer rt, wt;
	PollDesc *link;         /* free list */
};

static RtLock pdlock;
static PollDesc *pdfree;

/* the waiter on one side (pd locked): woken by an event (ready) or an error */
static G *unblock(G **gpp, int ready)
{
	G *g = *gpp;
	if (g == PD_READY) return NULL;
	*gpp = ready ? PD_READY : NULL;
	if (g) __atomic_sub_fetch(&rt_netpoll_waiters, 1, __ATOMIC_SEQ_CST);
	return g;
}

static void netpollready(PollDesc *pd, int r, int w, G **list)
{
	rt_lock(&pd->lock);
	G *rg = r ? unblock(&pd->rg, 1) : NULL;
	G *wg = w ? unblock(&pd->wg, 1) : NULL;
	rt_unlock(&pd->lock);
	if (rg) rg->schedlink = *list, *list = rg;
	if (wg) wg->schedlink = *list, *list = wg;
}

static int checkerr(PollDesc *pd, int mode)
{
	if (pd->closing) return POLL_CLOSING;
	if ((mode == 'r' && pd->rd < 0) || (mode == 'w' && pd->wd < 0)) return POLL_TIMEOUT;
	return POLL_OK;
}

typedef struct PollOpen {
	uintptr_t ctx, err;
} PollOpen;

static void pollopen_sys(void *arg)
{
	PollOpen *a = arg;
	int fd = (int)a->ctx;
	rt_lock(&pdlock);
	PollDesc *pd = pdfree;
	if (pd) pdfree = pd->link;
	rt_unlock(&pdlock);
	if (!pd && !(pd = calloc(1, sizeof *pd))) rt_throw("runtime: cannot allocate memory");
	rt_lock(&pd->lock);
	pd->fd = fd;
	pd->closing = 0;
	pd->rg = pd->wg = NULL;
	pd->rd = pd->wd = 0;
	pd->rt = (RtTimer){0};
	pd->wt = (RtTimer){0};
	rt_unlock(&pd->lock);
	struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, .data.ptr = pd};
	if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev)) {
		a->err = (uintptr_t)errno;
		a->ctx = 0;
		rt_lock(&pdlock);
		pd->link = pdfree;
		pdfree = pd;
		rt_unlock(&pdlock);
		return;
	}
	a->ctx = (uintptr_t)pd;
	a->err = 0;
}

PollOpen rt_poll_open(uintptr_t fd) __asm__("internal/poll.runtime_pollOpen");
PollOpen rt_poll_open(uintptr_t fd)
{
	PollOpen a = {fd, 0};
	rt_systemstack(pollopen_sys, &a);
	return a;
}

static void pollclose_sys(void *arg)
{
	PollDesc *pd = arg;
	if (!pd->closing) rt_throw("runtime: close polldesc w/o unblock");
	if ((pd->rg && pd->rg != PD_READY) || (pd->wg && pd->wg != PD_READY)) rt_throw("runtime: blocked read on closing polldesc");
	epoll_ctl(epfd, EPOLL_CTL_DEL, pd->fd, &(struct epoll_event){0});
	rt_ctimer_stop(&pd->rt);
	rt_ctimer_stop(&pd->wt);
	rt_lock(&pdlock);
	pd->link = pdfree;
	pdfree = pd;
	rt_unlock(&pdlock);
}

void rt_poll_close(PollDesc *pd) __asm__("internal/poll.runtime_pollClose");
void rt_poll_close(PollDesc *pd) { rt_systemstack(pollclose_sys, pd); }

static void unlock_pd(void *pd) { rt_unlock(&((PollDesc *)pd)->lock); }

/* waits until the descriptor is ready for mode ('r' or 'w'), is closed, or
 * its deadline passes (body of internal/poll.runtime_pollWait, an
 * RT_GOENTRY trampoline: the parked goroutine's stack is walked from its
 * caller) */
intptr_t rt_poll_wait_c(PollDesc *pd, intptr_t mode)
{
	for (;;) {
		rt_lock(&pd->lock);
		int err = checkerr(pd, (int)mode);
		if (err) {
			rt_unlock(&pd->lock);
			return err;
		}
		G **gpp = mode == 'r' ? &pd->rg : &pd->wg;
		if (*gpp == PD_READY) {
			*gpp = NULL;
			rt_unlock(&pd->lock);
			return POLL_OK;
		}
		if (*gpp) rt_throw("runtime: double wait");
		*gpp = rt_getg();
		__atomic_add_fetch(&rt_netpoll_waiters, 1, __ATOMIC_SEQ_CST);
		rt_gopark(unlock_pd, pd, "IO wait", NULL);
	}
}

void rt_poll_waitcanceled(uintptr_t ctx, intptr_t mode) __asm__("internal/poll.runtime_pollWaitCanceled");
void rt_poll_waitcanceled(uintptr_t ctx, intptr_t mode) { (void)ctx, (void)mode; }

intptr_t rt_poll_reset(PollDesc *pd, intptr_t mode) __asm__("internal/poll.runtime_pollReset");
intptr_t rt_poll_reset(PollDesc *pd, intptr_t mode)
{
	rt_lock(&pd->lock);
	int err = checkerr(pd, (int)mode);
	if (!err) {
		if (mode == 'r' && pd->rg == PD_READY) pd->rg = NULL;
		if (mode == 'w' && pd->wg == PD_READY) pd->wg = NULL;
	}
	rt_unlock(&pd->lock);
	return err;
}

static void ready_list(G *a, G *b)
{
	if (a) rt_goready(a);
	if (b) rt_goready(b);
}

/* a deadline timer fired (system stack) */
static void deadline(PollDesc *pd, int r)
{
	int64_t now = rt_nanotime();
	rt_lock(&pd->lock);
	G *g = NULL;
	int64_t *d = r ? &pd->rd : &pd->wd;
	if (*d > 0 && *d <= now) {
		*d = -1;
		g = unblock(r ? &pd->rg : &pd->wg, 0);
	}
	rt_unlock(&pd->lock);
	ready_list(g, NULL);
}

static void rdeadline(void *pd) { deadline(pd, 1); }
static void wdeadline(void *pd) { deadline(pd, 0); }

typedef struct SetDeadline {
	PollDesc *pd;
	int64_t d;
	int mode;
} SetDeadline;

static void setdeadline_sys(void *arg)
{
	SetDeadline *a = arg;
	PollDesc *pd = a->pd;
	int64_t d = a->d;
	if (d > 0) {
		d += rt_nanotime();
		if (d <= 0) d = INT64_MAX;
	}
	rt_lock(&pd->lock);
	if (pd->closing) {
		rt_unlock(&pd->lock);
		return;
	}
	if (a->mode == 'r' || a->mode == 'r' + 'w') pd->rd = d;
	if (a->mode == 'w' || a->mode == 'r' + 'w') pd->wd = d;
	int64_t rd = pd->rd, wd = pd->wd;
	/* a passed deadline wakes the waiter now */
	G *rg = rd < 0 ? unblock(&pd->rg, 0) : NULL;
	G *wg = wd < 0 ? unblock(&pd->wg, 0) : NULL;
	rt_unlock(&pd->lock);
	if (rd > 0) {
		pd->rt.f = rdeadline;
		pd->rt.arg = pd;
		rt_ctimer_set(&pd->rt, rd);
	} else {
		rt_ctimer_stop(&pd->rt);
	}
	if (wd > 0) {
		pd->wt.f = wdeadline;
		pd->wt.arg = pd;
		rt_ctimer_set(&pd->wt, wd);
	} else {
		rt_ctimer_stop(&pd->wt);
	}
	ready_list(rg, wg);
}

void rt_poll_setdeadline(PollDesc *pd, int64_t d, intptr_t mode) __asm__("internal/poll.runtime_pollSetDeadline");
void rt_poll_setdeadline(PollDesc *pd, int64_t d, intptr_t mode)
{
	SetDeadline a = {pd, d, (int)mode};
	rt_systemstack(setdeadline_sys, &a);
}

/* the descriptor is being closed: waiters wake with POLL_CLOSING */
void rt_poll_unblock(PollDesc *pd) __asm__("internal/poll.runtime_pollUnblock");
void rt_poll_unblock(PollDesc *pd)
{
	rt_lock(&pd->lock);
	if (pd->closing) rt_throw("runtime: unblock on closing polldesc");
	pd->closing = 1;
	G *rg = unblock(&pd->rg, 0);
	G *wg = unblock(&pd->wg, 0);
	rt_unlock(&pd->lock);
	rt_ctimer_stop(&pd->rt);
	rt_ctimer_stop(&pd->wt);
	ready_list(rg, wg);
}

int8_t rt_poll_isserverfd(uintptr_t fd) __asm__("internal/poll.runtime_isPollServerDescriptor");
int8_t rt_poll_isserverfd(uintptr_t fd) { return (int)fd == epfd || (int)fd == breakfd; }
