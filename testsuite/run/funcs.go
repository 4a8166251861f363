// Functions: recursion, multiple and named results, variadics, methods
// on values and pointers.
package main

type counter struct {
	n    int
	name string
}

func (c *counter) inc()     { c.n++ }
func (c counter) get() int  { return c.n }
func (c *counter) add(k int) *counter {
	c.n += k
	return c
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func swap(a, b string) (string, string) { return b, a }

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func sum(xs ...int) int {
	t := 0
	for i := 0; i < len(xs); i++ {
		t += xs[i]
	}
	return t
}

func pair() (int, int) { return 3, 4 }
func add(a, b int) int { return a + b }

func main() {
	println(fib(25))
	a, b := swap("x", "y")
	println(a, b)
	q, r := divmod(17, 5)
	println(q, r)
	println(sum(), sum(1), sum(1, 2, 3))
	println(add(pair()))
	c := &counter{name: "c"}
	c.inc()
	c.inc()
	c.add(10).add(100)
	println(c.get(), c.name)
	var v counter
	v.inc()
	println(v.get())
}
