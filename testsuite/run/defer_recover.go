package main

type T struct{ n int }

func (t T) show(s string)   { println("show", t.n, s) }
func (t *T) inc()           { t.n++ }

func order() {
	for i := 0; i < 3; i++ {
		defer println("loop", i)
	}
	defer func() { println("closure") }()
	t := T{5}
	defer t.show("value recv")
	t.n = 6
	p := &t
	defer p.inc()
	println("body")
}

func named() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func rec() (x int, s string) {
	defer func() {
		if v := recover(); v != nil {
			println("recovered:", v != nil)
			x = 7
			s = "seven"
		}
	}()
	x = 1
	panic("boom")
}

func divide(a, b int) (q int, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return a / b, true
}

func nested() {
	defer func() {
		r := recover()
		println("outer recovered", r != nil)
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func helper() interface{} { return recover() }

func indirect() (res string) {
	defer func() {
		res = "not recovered"
		if r := recover(); r != nil {
			res = "recovered"
		}
	}()
	defer func() {
		if helper() != nil {
			println("helper recovered?!")
		}
	}()
	panic("x")
}

func deep(n int) int {
	if n == 0 {
		panic("deep")
	}
	return deep(n-1) + 1
}

func catchDeep() (r int) {
	defer func() {
		recover()
		r = -1
	}()
	return deep(10000)
}

func main() {
	order()
	println(named())
	x, s := rec()
	println(x, s)
	q, ok := divide(7, 2)
	println(q, ok)
	q, ok = divide(7, 0)
	println(q, ok)
	nested()
	println(indirect())
	println(catchDeep())
	println(recover() == nil)
	for i := 0; i < 3; i++ {
		func() {
			defer func() { println("iter", i, recover() != nil) }()
			if i == 1 {
				var a []int
				_ = a[i]
			}
		}()
	}
}
