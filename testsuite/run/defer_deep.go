package main

var trace int

func rec(n, at int) (r int) {
	defer func() {
		trace++
		if n == at {
			if recover() != nil {
				r = 1000 + n
			}
		}
	}()
	if n == 0 {
		panic("bottom")
	}
	return rec(n-1, at) + 1
}

type big struct{ a, b, c, d int }

func mk(n int) (b big) {
	defer func() { b.d = n * 4 }()
	b = big{n, n * 2, n * 3, 0}
	return
}

func loopdefer(n int) (s int) {
	for i := 0; i < n; i++ {
		defer func(k int) { s += k }(i)
	}
	return 0
}

func main() {
	println(rec(5000, 2500), trace)
	trace = 0
	println(rec(3000, 0), trace)
	b := mk(5)
	println(b.a, b.b, b.c, b.d)
	println(loopdefer(1000))
	for i := 0; i < 200; i++ {
		if rec(50, 25) != 1025+25 {
			println("bad")
		}
	}
}
