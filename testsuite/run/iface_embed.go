// Methods promoted from embedded interface fields (called directly and
// through itabs), embedded pointers, and pointer-shaped struct{*T} types.
package main

type I interface {
	M() int
	N(s string) string
}

type T struct{ x int }

func (t T) M() int             { return t.x }
func (t T) N(s string) string { return s + "T" }

type S struct {
	y int
	I
}

type PS struct {
	*S
}

type W struct{ p *T }

func (w W) M() int             { return w.p.x * 10 }
func (w W) N(s string) string { return s + "W" }

type E struct{ *T }

func main() {
	s := S{1, T{4}}
	println(s.M(), s.N("a"))
	var i I = s
	println(i.M(), i.N("b"))
	i = &s
	println(i.M(), i.N("c"))
	ps := PS{&s}
	println(ps.M(), ps.N("d"))
	i = ps
	println(i.M(), i.N("e"))
	i = W{&T{5}}
	println(i.M(), i.N("f"))
	i = E{&T{6}}
	println(i.M(), i.N("g"))
	s.I = W{&T{7}}
	println(s.M(), ps.M())
	var e interface{} = ps
	if j, ok := e.(I); ok {
		println(j.N("h"))
	}
}
