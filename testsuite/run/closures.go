package main

type S struct {
	f func(int) int
	n int
}

func add1(x int) int { return x + 1 }

func apply(f func(int) int, x int) int { return f(x) }

func three() (int, string, int) { return 1, "two", 3 }

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func adder(base int) func(int) int {
	return func(x int) int { return base + x }
}

func nested(a int) func() func() int {
	b := 10
	return func() func() int {
		c := 100
		return func() int {
			a++
			return a + b + c
		}
	}
}

var gf = func(s string) string { return s + "!" }

func main() {
	f := add1
	println(f(1), apply(add1, 5), apply(func(x int) int { return x * 2 }, 7))
	s := S{f: add1, n: 3}
	println(s.f(s.n))
	var nf func(int) int
	println(nf == nil, f != nil)
	c := counter()
	c()
	c()
	println(c())
	ad := adder(40)
	println(ad(2))
	g := nested(1)()
	println(g(), g())
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	println(fib(20))
	t := three
	x, y, z := t()
	println(x, y, z)
	println(gf("hi"))
	var fs [3]func() int
	for i := 0; i < 3; i++ {
		j := i
		fs[i] = func() int { return j * 10 }
	}
	println(fs[0](), fs[1](), fs[2]())
	h := func(a, b int) (int, int, int) { return b, a, a + b }
	p, q, r := h(1, 2)
	println(p, q, r)
}
