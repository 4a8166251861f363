// Checker rules std packages need (each was a false error before).
// RUN: %golc typecheck %s
package main

import "sync/atomic"

type V struct{ a, b int }

// generic types: declaration, methods, instantiation (identity and with arguments)
type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) *List[T] { return &List[T]{next: l, val: v} }
func (l *List[E]) Val() E             { return l.val }

type Getter[T any] interface{ Get() T }

type box[P Getter[int]] struct{ p P }

func (b box[P]) get() int { return b.p.Get() }

type intGetter int

func (i intGetter) Get() int { return int(i) }

func main() {
	// x op= y and x++ use x
	x := 1
	x += 2
	y := 1
	y++
	// a bidirectional channel compares with a directional one
	c := make(chan int)
	var r <-chan int = c
	_ = r == c
	// &T elided in []*T{{...}}
	ps := []*V{{1, 2}, {a: 3}}
	m := map[string]*V{"k": {4, 5}}
	_, _ = ps, m
	var l *List[int]
	l = l.Push(1)
	var n int = l.Val()
	_ = n
	var p atomic.Pointer[V]
	p.Store(&V{})
	var v *V = p.Load()
	_ = v
	var s List[string]
	var str string = s.val
	_ = str
	_ = box[intGetter]{p: 3}.get()
}
