// Arrays inside struct variables are indexed with variables (the variable
// lives in memory), and method expressions reach value methods through
// embedded pointers.
package main

type inner struct{ c [3]string }

type big struct {
	a [40]int
	b [4]float64
	s inner
}

func fill(n int) big {
	var y big
	for i := range y.a {
		y.a[i] = i * n
	}
	y.b[n%4] = 1.5
	y.s.c[n%3] = "x"
	return y
}

type Inner struct{ s string }

func (i Inner) M() string { return i.s + "!" }

type Outer struct{ *Inner }

type Outer2 struct{ Outer }

func main() {
	y := fill(5)
	sum := 0
	for i := range y.a {
		sum += y.a[i]
	}
	println(sum, y.a[39], y.b[1], y.s.c[2], y.s.c[0] == "")
	k := 2
	y.s.c[k] += "y"
	println(y.s.c[k])

	h := (*Outer).M
	println(h(&Outer{&Inner{"hello"}}))
	g := Outer2.M
	println(g(Outer2{Outer{&Inner{"deep"}}}))
	o := &Outer{&Inner{"value"}}
	f := o.M
	o.Inner = &Inner{"changed"}
	println(f())
}
