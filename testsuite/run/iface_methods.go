// Interface method calls: value and pointer receivers, methods promoted
// through embedded structs and pointers, named non-struct types, static
// itabs and interface-to-interface conversions.
package main

type Shape interface {
	Area() int
	Name() string
}

type Namer interface{ Name() string }

type Rect struct{ w, h int }

func (r Rect) Area() int    { return r.w * r.h }
func (r Rect) Name() string { return "rect" }

type Sq struct{ s int }

func (s *Sq) Area() int    { return s.s * s.s }
func (s *Sq) Name() string { return "square" }

type Labeled struct {
	Rect
	label string
}

type PtrEmbed struct {
	n int
	*Sq
}

type MyInt int

func (m MyInt) Area() int    { return int(m) }
func (m MyInt) Name() string { return "myint" }

type Big struct{ a, b, c, d int64 }

func (z Big) Area() int     { return int(z.a + z.b + z.c + z.d) }
func (z *Big) Name() string { return "big" }

type Multi interface {
	Three(a int, s string) (int, string, bool)
}

func (r Rect) Three(a int, s string) (int, string, bool) { return a + r.w, s + "!", true }

func total(ss [5]Shape) int {
	t := 0
	for i := 0; i < len(ss); i++ {
		t += ss[i].Area()
	}
	return t
}

func names(n Namer) string { return n.Name() }

func main() {
	var s Shape = Rect{2, 3}
	println(s.Area(), s.Name())
	s = &Rect{4, 5}
	println(s.Area(), s.Name())
	s = &Sq{4}
	println(s.Area(), s.Name())
	s = Labeled{Rect{5, 6}, "x"}
	println(s.Area(), s.Name())
	s = &Labeled{Rect{1, 6}, "x"}
	println(s.Area(), s.Name())
	s = PtrEmbed{1, &Sq{3}}
	println(s.Area(), s.Name())
	s = MyInt(7)
	println(s.Area(), s.Name())
	s = &Big{1, 2, 3, 4}
	println(s.Area(), s.Name())
	println(total([5]Shape{Rect{1, 1}, &Sq{2}, MyInt(3), Labeled{Rect{2, 2}, ""}, &Big{1, 1, 1, 1}}))
	var n Namer = s
	println(n.Name(), names(s), names(Rect{}))
	var e interface{} = n
	n2 := e.(Namer)
	println(n2.Name())
	var m Multi = Rect{10, 0}
	a, b, c := m.Three(5, "hi")
	println(a, b, c)
}
