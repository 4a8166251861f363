// Corners of the spec: the two phases of assignments (left-hand operands
// first), len/cap of arrays that are not constant because a call or a
// receive is inside, tagless switches on interface cases, non-constant
// untyped shift counts, elided &T in composite literals, channel direction
// conversions, and f(g()) with a variadic f.
package main

var trace []string

func at(s string, i int) int {
	trace = append(trace, s)
	return i
}

type R struct{ v int }

func two() (int, int)       { return 3, 4 }
func sum(xs ...int) (n int) {
	for _, x := range xs {
		n += x
	}
	return n
}

var c = func() chan *[50]int {
	c := make(chan *[50]int, 1)
	c <- nil
	return c
}()

var n5 = len(<-c) // not a constant: the receive happens

func main() {
	a := make([]int, 4)
	m := map[int]int{1: 10}
	var ok bool
	a[at("lhs", 0)], ok = m[at("rhs", 1)]
	println(trace[0], trace[1], a[0], ok)

	i := 0
	x := []int{0, 0}
	i, x[i] = 1, 2 // x[0] = 2
	println(i, x[0], x[1])

	println(n5, len(c))

	switch v := interface{}(true); {
	case v:
		println("tagless switch matched the interface case")
	case false:
		println("wrong")
	}

	s := uint(3)
	println(1<<(1.<<s), int64(1)<<(2.0<<s))

	ps := []*R{{1}, {2}, {3}}
	println(len(ps), ps[0].v+ps[1].v+ps[2].v)
	mp := map[string]*R{"a": {7}}
	println(mp["a"].v)

	ch := make(chan int, 1)
	var send chan<- int = (chan<- int)(ch)
	var recv <-chan int = (<-chan int)(ch)
	send <- 5
	println(<-recv)

	println(sum(two()), sum())
}
