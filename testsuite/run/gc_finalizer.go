// Finalizers: each runs once on the finalizer goroutine after its object
// became unreachable, with the object as a pointer, an interface with
// methods or an empty interface; SetFinalizer(x, nil) removes one; an
// object reachable from a finalizable one waits for a later cycle; a
// resurrected object is not finalized twice; KeepAlive keeps an object.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"time"
)

type T struct {
	n    int
	next *T
	pad  [3]int
}

type Getter interface{ Get() int }

func (t *T) Get() int { return t.n }

var done = make(chan int, 100)
var resurrected *T

func wait(n int) []int {
	var got []int
	for len(got) < n {
		runtime.GC()
		select {
		case v := <-done:
			got = append(got, v)
		case <-time.After(2 * time.Second):
			return append(got, -1)
		}
	}
	sort.Ints(got)
	return got
}

func quiet() bool {
	runtime.GC()
	runtime.GC()
	select {
	case v := <-done:
		fmt.Println("unexpected finalizer", v)
		return false
	case <-time.After(50 * time.Millisecond):
		return true
	}
}

//go:noinline
func make3() {
	for i := 1; i <= 3; i++ {
		runtime.SetFinalizer(&T{n: i}, func(t *T) { done <- t.n })
	}
	runtime.SetFinalizer(&T{n: 10}, func(g Getter) { done <- g.Get() })
	runtime.SetFinalizer(&T{n: 20}, func(x interface{}) { done <- x.(*T).n })
	t := &T{n: 99}
	runtime.SetFinalizer(t, func(t *T) { done <- t.n })
	runtime.SetFinalizer(t, nil)
}

//go:noinline
func chain() {
	b := &T{n: 200}
	a := &T{n: 100, next: b}
	runtime.SetFinalizer(a, func(t *T) { done <- t.n })
	runtime.SetFinalizer(b, func(t *T) { done <- t.n })
}

//go:noinline
func resurrect() {
	r := &T{n: 300}
	runtime.SetFinalizer(r, func(t *T) { resurrected = t; done <- t.n })
}

func main() {
	make3()
	fmt.Println(wait(5))
	fmt.Println("removed finalizer stays quiet:", quiet())
	chain()
	fmt.Println("first:", wait(1))
	fmt.Println("then:", wait(1))
	resurrect()
	fmt.Println(wait(1), resurrected.n)
	resurrected = nil
	fmt.Println("runs once:", quiet())
	k := &T{n: 400}
	runtime.SetFinalizer(k, func(t *T) { done <- t.n })
	runtime.GC()
	fmt.Println("kept alive:", quiet())
	runtime.KeepAlive(k)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
