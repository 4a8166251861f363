// Type assertions (to concrete and interface types, comma-ok forms) and
// type switches (nil case, lists, default, clause variables).
package main

type Stringer interface{ String() string }
type Sizer interface{ Size() int }

type T struct{ x int }

func (t T) String() string { return "T" }

type P struct{ a, b string }

func (p *P) String() string { return p.a + p.b }
func (p *P) Size() int      { return len(p.a) }

type E int

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		if v > 10 {
			return "big int"
		}
		return "int"
	case string:
		return "string " + v
	case Sizer:
		return "sizer " + v.(Stringer).String()
	case Stringer:
		return "stringer " + v.String()
	case bool, float64:
		return "bool or float"
	case E:
		if v == 3 {
			return "E3"
		}
		return "E"
	default:
		return "other"
	}
}

func kind(x interface{}) int {
	switch x.(type) {
	case int, int8:
		return 1
	}
	return 0
}

func main() {
	println(describe(nil), describe(3), describe(30), describe("a"))
	println(describe(T{}), describe(&P{"p", "q"}), describe(true), describe(1.5))
	println(describe(E(3)), describe(E(4)), describe(int8(1)), describe(uint(1)))
	println(kind(1), kind(int8(1)), kind("x"))
	var e interface{} = T{5}
	t := e.(T)
	println(t.x)
	if st, ok := e.(Stringer); ok {
		println("stringer", st.String())
	}
	if _, ok := e.(Sizer); !ok {
		println("not sizer")
	}
	p, ok := e.(*P)
	println(p == nil, ok)
	var s Stringer = &P{"ab", "cd"}
	sz := s.(Sizer)
	println(sz.Size())
	q, ok2 := s.(*P)
	println(q.a, ok2)
	var x interface{}
	_, ok = x.(int)
	println(ok)
	_, ok = x.(interface{})
	println(ok)
	x = 42
	y, ok := x.(interface{})
	println(y.(int), ok)
	var i int
	i, ok = x.(int)
	println(i, ok)
	var str string = "init"
	str, ok = x.(string)
	println(str == "", ok)
}
