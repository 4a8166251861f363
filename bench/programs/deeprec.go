// deeprec: one very deep recursion that allocates a list node in every frame, then walks it back.
// println-only variant for `make bench` (no fmt/os until the standard library compiles, #5);
// the size is fixed at the benchmark size.
// Exercises stack growth and how the collector copes with a deep stack (gc rescans it every cycle).
package main

type cell struct {
	next *cell
	v    int
}

func down(n int, c *cell) int {
	if n == 0 {
		s := 0
		for ; c != nil; c = c.next {
			s += c.v
		}
		return s
	}
	var scratch [4]int
	scratch[n%4] = n
	return down(n-1, &cell{c, n % 11}) + scratch[(n+1)%4]
}

func main() {
	n := 1000000
	println(down(n, nil))
}
