// == and != on interface values: dynamic types and values, nil, mixed
// interface/concrete operands, structs and arrays holding interfaces.
package main

type I interface{ M() int }

type A int

func (a A) M() int { return int(a) }

type B struct{ x int }

func (b *B) M() int { return b.x }

type Pair struct {
	k string
	v interface{}
	_ int
}

func main() {
	var e1, e2 interface{} = A(7), A(7)
	println(e1 == e2, e1 != e2)
	e2 = 7
	println(e1 == e2)
	var i1 I = A(7)
	var i2 I = A(8)
	println(i1 == i2, i1 == A(7), A(7) == i1, i2 != A(8))
	b := &B{1}
	var p1, p2 I = b, &B{1}
	println(p1 == p2, p1 == I(b), p1 == b)
	var n1, n2 interface{}
	var ni I
	println(n1 == n2, n1 == nil, e1 == nil, ni == nil, i1 != nil)
	n1 = ni
	println(n1 == nil)
	var s interface{} = "hello"
	println(s == "hello", s == "world", s == 5)
	var f1, f2 interface{} = 1.5, 1.5
	println(f1 == f2)
	var a1, a2 interface{} = [2]string{"a", "b"}, [2]string{"a", "b"}
	println(a1 == a2)
	a2 = [2]string{"a", "c"}
	println(a1 == a2)
	var c1, c2 interface{} = Pair{"k", 2.5, 1}, Pair{"k", 2.5, 2}
	println(c1 == c2)
	c2 = Pair{"k", "x", 2}
	println(c1 == c2)
	var ee interface{} = e1
	println(ee == e1)
}
