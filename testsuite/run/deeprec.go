// Deep recursion across many split-stack segments, allocating in every
// frame and keeping the objects reachable from the frames. Too slow for
// GOLC_GCSTRESS (each collection rescans up to 10^6 frames).
// UNSUPPORTED: gcstress
package main

type cell struct {
	v    int
	next *cell
}

func down(n int, up *cell) int {
	c := &cell{v: n, next: up}
	if n == 0 {
		s := 0
		for p := c; p != nil; p = p.next {
			s += p.v
		}
		return s
	}
	return down(n-1, c) + c.v - n
}

func main() {
	println(down(100000, nil))
	println(down(1000000, nil))
}
