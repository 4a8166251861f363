// Every way a goroutine stops leaves what the collector needs: with
// GOMAXPROCS=1 and GOLC_GCSTRESS=all, each allocation of main walks every
// other started goroutine from g->sched and checks its roots (stack maps
// and rt_g_roots) while they wait in a channel send and receive, a select
// of six cases, a Mutex, a WaitGroup, a Cond, time.Sleep, a pipe read
// through the netpoller (IO wait), a blocking read(2) (a system call),
// reflect.Select, a reflect.Call whose callee waits, a deferred call run by
// a panic, and under pprof labels. Then all of them are woken and check the
// values they were handed.
// RUN: %golc build -o %t %s
// RUN: env GOMAXPROCS=1 GOLC_GCSTRESS=all GOLC_DEBUG=gcstress %run %t 2>&1 | FileCheck %s
// CHECK: parked: 14
// CHECK-NEXT: all woke: 14 true
// CHECK-NEXT: gcstress: walks={{[0-9]+}} {{.*}} others={{[1-9][0-9]*}}
package main

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

type cell struct {
	p *int
	s string
}

func mk(v int) *cell {
	p := new(int)
	*p = v
	return &cell{p, fmt.Sprint("v", v)}
}

func (c *cell) ok(v int) bool { return c != nil && *c.p == v && c.s == fmt.Sprint("v", v) }

var good int32

func check(c *cell, v int) {
	if c.ok(v) {
		atomic.AddInt32(&good, 1)
	} else {
		fmt.Println("bad value for", v)
	}
}

func main() {
	var wg sync.WaitGroup
	n := 0
	start := func(f func()) {
		wg.Add(1)
		n++
		go func() {
			defer wg.Done()
			f()
		}()
	}

	send := make(chan *cell)
	recv := make(chan *cell)
	sels := make([]chan *cell, 6)
	for i := range sels {
		sels[i] = make(chan *cell)
	}
	var mu sync.Mutex
	mu.Lock()
	var group sync.WaitGroup
	group.Add(1)
	cond := sync.NewCond(&sync.Mutex{})
	woken := false
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil {
		panic(err)
	}
	rsel := make(chan *cell)
	rcall := make(chan *cell)
	rdefer := make(chan *cell)
	rlabel := make(chan *cell)
	rtimer := make(chan *cell)

	start(func() { send <- mk(1) })
	start(func() { check(<-recv, 2) })
	start(func() {
		select {
		case c := <-sels[0]:
			check(c, -1)
		case c := <-sels[1]:
			check(c, -1)
		case c := <-sels[2]:
			check(c, -1)
		case c := <-sels[3]:
			check(c, 3)
		case c := <-sels[4]:
			check(c, -1)
		case c := <-sels[5]:
			check(c, -1)
		}
	})
	start(func() {
		mu.Lock()
		atomic.AddInt32(&good, 1)
		mu.Unlock()
	})
	start(func() {
		group.Wait()
		atomic.AddInt32(&good, 1)
	})
	start(func() {
		cond.L.Lock()
		for !woken {
			cond.Wait()
		}
		cond.L.Unlock()
		atomic.AddInt32(&good, 1)
	})
	start(func() {
		c := mk(7)
		time.Sleep(30 * time.Millisecond)
		check(c, 7)
	})
	start(func() {
		c := mk(8)
		buf := make([]byte, 1)
		if k, err := r.Read(buf); k == 1 && err == nil && buf[0] == 8 {
			check(c, 8)
		}
	})
	start(func() {
		c := mk(9)
		buf := make([]byte, 1)
		if k, err := syscall.Read(fds[0], buf); k == 1 && err == nil && buf[0] == 9 {
			check(c, 9)
		}
	})
	start(func() {
		cases := []reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(rsel)}}
		_, v, _ := reflect.Select(cases)
		check(v.Interface().(*cell), 10)
	})
	start(func() {
		f := reflect.ValueOf(func(c chan *cell, x *cell) *cell {
			check(x, 11)
			return <-c
		})
		out := f.Call([]reflect.Value{reflect.ValueOf(rcall), reflect.ValueOf(mk(11))})
		check(out[0].Interface().(*cell), 12)
	})
	start(func() {
		defer func() {
			v := recover()
			check(<-rdefer, 13)
			check(v.(*cell), 14)
		}()
		panic(mk(14))
	})
	start(func() {
		pprof.Do(context.Background(), pprof.Labels("k", "v"), func(context.Context) {
			check(<-rlabel, 15)
		})
	})
	start(func() {
		t := time.NewTimer(time.Hour)
		select {
		case <-t.C:
		case c := <-rtimer:
			check(c, 16)
		}
		t.Stop()
	})

	time.Sleep(10 * time.Millisecond) // every goroutine parks (one P)
	fmt.Println("parked:", n)
	keep := make([]*cell, 0)
	for i := 0; i < 300; i++ {
		keep = append(keep, mk(i))
	}

	check(<-send, 1)
	recv <- mk(2)
	sels[3] <- mk(3)
	mu.Unlock()
	group.Done()
	cond.L.Lock()
	woken = true
	cond.Broadcast()
	cond.L.Unlock()
	w.Write([]byte{8})
	syscall.Write(fds[1], []byte{9})
	rsel <- mk(10)
	rcall <- mk(12)
	rdefer <- mk(13)
	rlabel <- mk(15)
	rtimer <- mk(16)
	wg.Wait()
	for i, c := range keep {
		if !c.ok(i) {
			fmt.Println("bad kept value", i)
		}
	}
	// 16 checks: main checks the sent value, reflect.Call's and the panic's goroutines two each
	fmt.Println("all woke:", n, good == 16)
}
