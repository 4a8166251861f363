// A sender parked in an unbuffered send holds its element only in the
// heap cell the runtime got as a plain pointer (cg_scratch); codegen keeps
// the cell live past the call (cg_keepalive), so it is a root of the parked
// frame while the receiver allocates. Meaningful with a collector, e.g.
// GOLC_GCSTRESS=gc (collect after every allocation): without the keepalive
// the received lists were freed and sum crashed.
package main

import "runtime"

type node struct {
	v    int
	next *node
}

func mk(n int) *node {
	var h *node
	for i := 0; i < n; i++ {
		h = &node{i, h}
	}
	return h
}

func sum(h *node) int {
	s := 0
	for ; h != nil; h = h.next {
		s += h.v
	}
	return s
}

func main() {
	runtime.GOMAXPROCS(1)
	ch := make(chan *node)
	done := make(chan int)
	go func() {
		for i := 0; i < 20; i++ {
			ch <- mk(100) // parks holding the element cell
		}
		close(ch)
	}()
	runtime.Gosched() // let it start (and park) before anything collects
	go func() {
		t := 0
		for i := 0; i < 20; i++ {
			for j := 0; j < 50; j++ {
				_ = mk(10) // garbage while the sender is parked
			}
			t += sum(<-ch)
		}
		_, ok := <-ch
		println("closed:", !ok)
		done <- t
	}()
	runtime.Gosched()
	println(<-done)
}
