// Runtime calls that get a heap cell as a plain pointer (map keys and
// channel elements with pointers, select cases) and runtime.KeepAlive in
// its three forms: a direct call (inline), deferred, and as a func value.
package main

import "runtime"

type K struct {
	s string
	n int
}

type Big [70]*int // held in memory (more than 64 scalars)

//go:noinline
func sel(a, b chan *int, p *int) *int {
	select {
	case a <- p:
		return nil
	case v := <-b:
		return v
	}
}

//go:noinline
func bigkey(m map[[70]*int]int, k [70]*int) int { return m[k] }

//go:noinline
func bigrecv(c chan Big) *int {
	v := <-c
	return v[3]
}

func main() {
	x, y := 7, 8
	m := map[K]*int{}
	m[K{"a", 1}] = &x
	m[K{"b", 2}] = &y
	println(*m[K{"a", 1}], *m[K{"b", 2}], len(m))
	delete(m, K{"a", 1})
	_, ok := m[K{"a", 1}]
	println(ok, len(m))

	a, b := make(chan *int, 1), make(chan *int, 1)
	println(sel(a, b, &x) == nil, *<-a)
	b <- &y
	println(*sel(nil, b, &x))

	bm := map[[70]*int]int{}
	var k [70]*int
	k[5] = &x
	bm[k] = 9
	println(bigkey(bm, k), len(bm))

	c := make(chan Big, 1)
	var bb Big
	bb[3] = &y
	c <- bb
	println(*bigrecv(c))

	defer runtime.KeepAlive(&x)
	f := runtime.KeepAlive
	f(m)
	runtime.KeepAlive(k)
	runtime.KeepAlive(nil)
	println("done")
}
