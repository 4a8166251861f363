/*
 * chan.c: channels and select (codegen: cg_chan.c).
 *
 * An Hchan is a circular buffer of dataqsiz elements plus two wait queues
 * of parked goroutines (Sudog: the goroutine, the address of the element it
 * sends or receives into, the select case it stands for). The rules are
 * Go's:
 *   send: a waiting receiver takes the value directly; else a free buffer
 *         slot; else park on sendq until a receiver takes it (or the channel
 *         is closed: panic "send on closed channel").
 *   recv: a waiting sender (unbuffered: take its value; buffered and full:
 *         take the head of the buffer and let the sender put its value at
 *         the tail); else a buffered value; else, if closed, the zero value
 *         and ok = false; else park on recvq.
 *   close: panics for nil / closed channels, then wakes every receiver
 *         (zero values, ok = false) and every sender (which panic).
 *   nil channels block forever.
 * select polls the cases in a random order (uniform among the ready ones),
 * returns -1 at once when nothing is ready and there is a default, and
 * otherwise parks on every channel at once; the first channel to complete
 * the select dequeues it from the others.
 *
 * Parking goes through the scheduler (proc.c: rt_gopark / rt_goready). One
 * lock per channel; select takes the locks of its channels in address
 * order.
 *
 * The collector (gcroots.c): an Hchan is typed (its buffer and element
 * type are pointers; the wait queues are runtime-internal links to sudogs,
 * not traced), its buffer has the element type. Sudogs live in the C frame
 * of the parked operation (or, for a big select, in typed heap arrays that
 * frame points to): each parks with an RtRoots run over its sudogs' {c,
 * elem}, the only reference to the element cell (codegen passes heap cells
 * as plain pointers) and possibly to the channel while it waits.
 */
#include "rt.h"

#include <string.h>

typedef struct Sudog Sudog;
typedef struct WaitQ {
	Sudog *first, *last;
} WaitQ;

struct Hchan {
	intptr_t qcount;        /* +0 values in the buffer (chanlen) */
	intptr_t dataqsiz;      /* +8 buffer size (chancap) */
	uint8_t *buf;
	const GoType *elemtype;
	uintptr_t elemsize;
	intptr_t sendx, recvx;
	WaitQ recvq, sendq;
	uint32_t closed;
	RtLock lock;
};

struct Sudog {
	Hchan *c;               /* Go pointers first: RtRoots runs cover {c, elem} */
	void *elem;             /* value to send / slot to receive into (NULL: drop) */
	G *g;
	Sudog *next, *prev;
	int isselect;
	int success;            /* woken by a completed operation, not by close */
	int casei;              /* select: the case this sudog stands for */
	struct SelectWait *sel; /* select: shared state of all its sudogs */
};

enum { SUDOG_NPTR = 2 };
/* the collector's view of an Hchan (buf, elemtype) and of heap sudog arrays
 * (c, elem) */
static const GoType hchan_type = RT_GCTYPE(sizeof(Hchan) / 8, 0x0C);
static const GoType sudog_type = RT_GCTYPE(sizeof(Sudog) / 8, 0x03);
_Static_assert(offsetof(Hchan, buf) == 16 && offsetof(Hchan, elemtype) == 24 && sizeof(Hchan) % 8 == 0, "Hchan mask");
_Static_assert(offsetof(Sudog, c) == 0 && offsetof(Sudog, elem) == 8 && sizeof(Sudog) % 8 == 0, "Sudog mask");

typedef struct SelectWait {
	volatile int done;      /* set by the one operation that completes it */
	Sudog *winner;
} SelectWait;

/* ---------------------------------------------------------- wait queues */

static void enqueue(WaitQ *q, Sudog *s)
{
	s->next = NULL;
	s->prev = q->last;
	if (q->last) q->last->next = s;
	else q->first = s;
	q->last = s;
}

static void unlink_sudog(WaitQ *q, Sudog *s)
{
	if (s->prev) s->prev->next = s->next;
	else if (q->first == s) q->first = s->next;
	else return;    /* not queued */
	if (s->next) s->next->prev = s->prev;
	else q->last = s->prev;
	s->next = s->prev = NULL;
}

/* the first waiter that can still be woken (a select's other cases may have
 * won already: skip those) */
static Sudog *dequeue(WaitQ *q)
{
	for (Sudog *s; (s = q->first);) {
		unlink_sudog(q, s);
		if (s->isselect) {
			if (__atomic_exchange_n(&s->sel->done, 1, __ATOMIC_ACQ_REL)) continue;
			s->sel->winner = s;
		}
		return s;
	}
	return NULL;
}

/* ---------------------------------------------------------- helpers */

static const GoType *chan_elem(const GoType *chantype)
{
	return *(const GoType *const *)((const uint8_t *)chantype + 48);
}

static void *slot(Hchan *c, intptr_t i) { return c->buf + (uintptr_t)i * c->elemsize; }

static void copy_elem(Hchan *c, void *dst, const void *src)
{
	if (!dst) return;
	if (src) memmove(dst, src, c->elemsize);
	else memset(dst, 0, c->elemsize);
}

static void unlock_chan(void *c) { rt_unlock(&((Hchan *)c)->lock); }


/* the buffer's tail takes *elem / its head goes to *elem (c locked, room
 * or values checked) */
static void buf_put(Hchan *c, const void *elem)
{
	copy_elem(c, slot(c, c->sendx), elem);
	c->sendx = (c->sendx + 1) % c->dataqsiz;
	c->qcount++;
}

static void buf_take(Hchan *c, void *elem)
{
	copy_elem(c, elem, slot(c, c->recvx));
	memset(slot(c, c->recvx), 0, c->elemsize);
	c->recvx = (c->recvx + 1) % c->dataqsiz;
	c->qcount--;
}

static void wake(Sudog *s, int success)
{
	s->success = success;
	rt_goready(s->g);
}

/* ---------------------------------------------------------- operations */

Hchan *rt_makechan_c(const GoType *chantype, intptr_t size)
{
	const GoType *et = chan_elem(chantype);
	if (size < 0 || (et->size && (uintptr_t)size > ((uintptr_t)1 << 40) / et->size))
		rt_panic_error("makechan: size out of range", 0);
	Hchan *c = rt_mallocgc(sizeof(Hchan), &hchan_type);
	c->elemtype = et;
	c->elemsize = et->size;
	c->dataqsiz = size;
	if (size > 0 && et->size > 0) c->buf = rt_mallocgc((uintptr_t)size * et->size, et);
	else c->buf = (uint8_t *)rt_zerobase;
	return c;
}

/* the receive half shared by chanrecv and select: c is locked and has a
 * sender waiting */
static void recv_from_sender(Hchan *c, Sudog *s, void *elem)
{
	if (c->dataqsiz == 0) {
		copy_elem(c, elem, s->elem);
	} else {
		/* full buffer: take its head, the sender's value goes to the tail */
		copy_elem(c, elem, slot(c, c->recvx));
		copy_elem(c, slot(c, c->recvx), s->elem);
		c->recvx = (c->recvx + 1) % c->dataqsiz;
		c->sendx = c->recvx;
	}
	wake(s, 1);
}

/* 1: sent; 0: would block (only when !block) */
int rt_chansend(Hchan *c, void *elem, int block)
{
	if (!c) {
		if (!block) return 0;
		rt_gopark(NULL, NULL, "chan send (nil chan)", NULL);
		__builtin_unreachable();
	}
	rt_lock(&c->lock);
	if (c->closed) {
		rt_unlock(&c->lock);
		rt_panic_error("send on closed channel", 0);
	}
	Sudog *r = dequeue(&c->recvq);
	if (r) {
		copy_elem(c, r->elem, elem);
		rt_unlock(&c->lock);
		wake(r, 1);
		return 1;
	}
	if (c->qcount < c->dataqsiz) {
		buf_put(c, elem);
		rt_unlock(&c->lock);
		return 1;
	}
	if (!block) {
		rt_unlock(&c->lock);
		return 0;
	}
	Sudog s = {.g = rt_getg(), .c = c, .elem = elem};
	RtRoots roots = {&s, 1, sizeof s, SUDOG_NPTR, NULL};
	enqueue(&c->sendq, &s);
	rt_gopark(unlock_chan, c, "chan send", &roots);
	if (!s.success) rt_panic_error("send on closed channel", 0);
	return 1;
}

/* bit 0: a value came; bit 1: completed (only !block can fail) */
int rt_chanrecv(Hchan *c, void *elem, int block)
{
	if (!c) {
		if (!block) return 0;
		rt_gopark(NULL, NULL, "chan receive (nil chan)", NULL);
		__builtin_unreachable();
	}
	rt_lock(&c->lock);
	Sudog *s = dequeue(&c->sendq);
	if (s) {
		recv_from_sender(c, s, elem);
		rt_unlock(&c->lock);
		return 3;
	}
	if (c->qcount > 0) {
		buf_take(c, elem);
		rt_unlock(&c->lock);
		return 3;
	}
	if (c->closed) {
		rt_unlock(&c->lock);
		copy_elem(c, elem, NULL);
		return 2;
	}
	if (!block) {
		rt_unlock(&c->lock);
		return 0;
	}
	Sudog r = {.g = rt_getg(), .c = c, .elem = elem};
	RtRoots roots = {&r, 1, sizeof r, SUDOG_NPTR, NULL};
	enqueue(&c->recvq, &r);
	rt_gopark(unlock_chan, c, "chan receive", &roots);
	return r.success ? 3 : 2;
}

void rt_chansend1_c(Hchan *c, void *elem) { rt_chansend(c, elem, 1); }
void rt_chanrecv1_c(Hchan *c, void *elem) { rt_chanrecv(c, elem, 1); }
int8_t rt_chanrecv2_c(Hchan *c, void *elem) { return rt_chanrecv(c, elem, 1) & 1; }

void rt_closechan_c(Hchan *c)
{
	if (!c) rt_panic_error("close of nil channel", 0);
	rt_lock(&c->lock);
	if (c->closed) {
		rt_unlock(&c->lock);
		rt_panic_error("close of closed channel", 0);
	}
	c->closed = 1;
	Sudog *wakeq = NULL;
	for (Sudog *s; (s = dequeue(&c->recvq));) {
		copy_elem(c, s->elem, NULL);
		s->next = wakeq, wakeq = s;
	}
	for (Sudog *s; (s = dequeue(&c->sendq));) s->next = wakeq, wakeq = s;
	rt_unlock(&c->lock);
	for (Sudog *s = wakeq, *n; s; s = n) {
		n = s->next;
		wake(s, 0);
	}
}

intptr_t rt_chanlen(Hchan *c) { return c ? c->qcount : 0; }
intptr_t rt_chancap(Hchan *c) { return c ? c->dataqsiz : 0; }

/* ---------------------------------------------------------- select */

typedef RtScase Scase;
typedef RtSelectResult SelectResult;

static void lock_all(Hchan **cs, int n)
{
	for (int i = 0; i < n; i++)
		if (cs[i] && (i == 0 || cs[i] != cs[i - 1])) rt_lock(&cs[i]->lock);
}

static void unlock_all(Hchan **cs, int n)
{
	for (int i = n - 1; i >= 0; i--)
		if (cs[i] && (i == 0 || cs[i] != cs[i - 1])) rt_unlock(&cs[i]->lock);
}

typedef struct Locks {
	Hchan **c;
	int n;
} Locks;

static void unlock_locks(void *arg)
{
	Locks *l = arg;
	unlock_all(l->c, l->n);
}

/* this code runs on the goroutine's stack with only the guard's slack
 * below it: small arrays live in the frame, bigger ones in the heap */
enum { SELECT_INLINE = 4 };

/* cases [0, nsends) send, [nsends, nsends + nrecvs) receive; caller: the
 * caller's own C words to keep while parked (or NULL). The cases are not
 * read after parking (the sudogs have copies). */
SelectResult rt_select(Scase *cases, intptr_t nsends, intptr_t nrecvs, int8_t block, RtRoots *caller)
{
	int n = (int)(nsends + nrecvs);
	if (n == 0) {
		if (!block) return (SelectResult){-1, 0};
		rt_gopark(NULL, NULL, "select (no cases)", NULL);
	}
	int order_in[SELECT_INLINE];
	Hchan *locks_in[SELECT_INLINE];
	Sudog sg_in[SELECT_INLINE];
	int *order = n <= SELECT_INLINE ? order_in : rt_mallocgc(sizeof(int) * (size_t)n, NULL);
	Hchan **locks = n <= SELECT_INLINE ? locks_in : rt_mallocgc(sizeof(Hchan *) * (size_t)n, &rt_gctype_ptr);
	/* a random poll order (Fisher-Yates); locks in address order */
	for (int i = 0; i < n; i++) {
		int j = (int)rt_fastrandn((uint32_t)i + 1);
		order[i] = order[j];
		order[j] = i;
		Hchan *c = cases[i].c;
		int k = i;
		for (; k > 0 && (uintptr_t)locks[k - 1] > (uintptr_t)c; k--) locks[k] = locks[k - 1];
		locks[k] = c;
	}
	lock_all(locks, n);
	for (int k = 0; k < n; k++) {
		int i = order[k];
		Hchan *c = cases[i].c;
		if (!c) continue;
		if (i < nsends) {
			if (c->closed) {
				unlock_all(locks, n);
				rt_panic_error("send on closed channel", 0);
			}
			Sudog *r = dequeue(&c->recvq);
			if (r) {
				copy_elem(c, r->elem, cases[i].elem);
				unlock_all(locks, n);
				wake(r, 1);
				return (SelectResult){i, 0};
			}
			if (c->qcount < c->dataqsiz) {
				buf_put(c, cases[i].elem);
				unlock_all(locks, n);
				return (SelectResult){i, 0};
			}
		} else {
			Sudog *s = dequeue(&c->sendq);
			if (s) {
				recv_from_sender(c, s, cases[i].elem);
				unlock_all(locks, n);
				return (SelectResult){i, 1};
			}
			if (c->qcount > 0) {
				buf_take(c, cases[i].elem);
				unlock_all(locks, n);
				return (SelectResult){i, 1};
			}
			if (c->closed) {
				unlock_all(locks, n);
				copy_elem(c, cases[i].elem, NULL);
				return (SelectResult){i, 0};
			}
		}
	}
	if (!block) {
		unlock_all(locks, n);
		return (SelectResult){-1, 0};
	}
	/* park on every channel */
	SelectWait sw = {0};
	Sudog *sg = n <= SELECT_INLINE ? sg_in : rt_mallocgc(sizeof(Sudog) * (size_t)n, &sudog_type);
	for (int i = 0; i < n; i++) {
		sg[i] = (Sudog){.g = rt_getg(), .c = cases[i].c, .elem = cases[i].elem, .isselect = 1, .casei = i, .sel = &sw};
		if (!cases[i].c) continue;
		enqueue(i < nsends ? &cases[i].c->sendq : &cases[i].c->recvq, &sg[i]);
	}
	/* while parked: every sudog's {c, elem}, and the arrays themselves
	 * when they are in the heap (inline ones are in this frame: not heap) */
	int inheap = n > SELECT_INLINE;
	void *arrays[3] = {inheap ? order : NULL, inheap ? locks : NULL, inheap ? (void *)sg : NULL};
	RtRoots arrayroots = {arrays, 3, sizeof(void *), 1, caller};
	RtRoots roots = {sg, (uint32_t)n, sizeof(Sudog), SUDOG_NPTR, &arrayroots};
	Locks l = {locks, n};
	rt_gopark(unlock_locks, &l, "select", &roots);
	/* the winner woke us; take our other sudogs off their queues */
	lock_all(locks, n);
	for (int i = 0; i < n; i++)
		if (sg[i].c && &sg[i] != sw.winner) unlink_sudog(i < nsends ? &sg[i].c->sendq : &sg[i].c->recvq, &sg[i]);
	unlock_all(locks, n);
	Sudog *w = sw.winner;
	int i = w->casei;
	if (i < nsends) {
		if (!w->success) rt_panic_error("send on closed channel", 0);
		return (SelectResult){i, 0};
	}
	return (SelectResult){i, (int8_t)w->success};
}

SelectResult rt_selectgo_c(Scase *cases, intptr_t nsends, intptr_t nrecvs, int8_t block)
{
	return rt_select(cases, nsends, nrecvs, block, NULL);
}

/* unsafe.Slice(p, n): gc's checks (the n elements must fit between p and
 * the end of the address space) */
void rt_unsafeslicecheck_c(const GoType *et, void *p, intptr_t n)
{
	if (n < 0) rt_panic_error("unsafe.Slice: len out of range", 1);
	uintptr_t mem;
	int overflow = __builtin_mul_overflow(et->size, (uintptr_t)n, &mem);
	if (overflow || mem > -(uintptr_t)p) {
		if (!p) rt_panic_error("unsafe.Slice: ptr is nil and len is not zero", 1);
		rt_panic_error("unsafe.Slice: len out of range", 1);
	}
}
