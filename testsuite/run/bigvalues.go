// Values of struct and array types too big for SSA registers (more than 64
// scalars by default) live in memory: passed, returned, compared, copied,
// indexed, stored in maps and interfaces, captured and deferred with Go's
// value semantics. The RUN lines also compile it with GOLC_MAXSSA=1, where
// every struct or array of two or more scalars lives in memory.
// RUN: %golc build -o %t %s
// RUN: %run %t > %t.out 2>&1
// RUN: diff %t.out %S/bigvalues.out
// RUN: env GOLC_MAXSSA=1 %golc build -o %t.1 %s
// RUN: %run %t.1 > %t.1.out 2>&1
// RUN: diff %t.1.out %S/bigvalues.out
package main

type Vec [100]int

type Rec struct {
	name string
	v    Vec
	tags [70]string
	f    float64
}

type Huge [1 << 16]int64 // more scalars than any SSA value could hold

type Empty [1 << 30]struct{}

func (v Vec) Sum() int {
	s := 0
	for _, x := range v {
		s += x
	}
	return s
}

func (v *Vec) Bump(k int) { v[k%len(v)] += k }

type Summer interface{ Sum() int }

//go:noinline
func fill(n int) Vec {
	var v Vec
	for i := range v {
		v[i] = n * i
	}
	return v
}

//go:noinline
func twice(v Vec) (Vec, int) {
	for i := range v {
		v[i] *= 2 // the caller's copy is untouched
	}
	return v, v[99]
}

func mkrec(name string, n int) Rec {
	r := Rec{name: name, v: fill(n), f: float64(n) / 4}
	for i := range r.tags {
		r.tags[i] = name
	}
	return r
}

func named() (r Rec) {
	defer func() { r.v[1] = 1000; r.name += "!" }()
	r = mkrec("named", 1)
	return r
}

func show(v Vec) { println(v[0], v[1], v[50], v[99], v.Sum()) }

func main() {
	// copies are independent
	a := fill(1)
	b := a
	b[3] = -1
	c, last := twice(a)
	show(a)
	show(b)
	show(c)
	println(last)

	// comparison, element by element, stopping at the first difference
	println(a == fill(1), a == b, a != b, c == fill(2))
	r1, r2 := mkrec("x", 3), mkrec("x", 3)
	println(r1 == r2)
	r2.tags[69] = "y"
	println(r1 == r2, r1.tags[69], r2.tags[69])
	r2.tags[69] = "x"
	r2.f = 0.75
	println(r1 == r2)

	// fields and elements of values that are not variables
	i := 42
	println(fill(2)[i], mkrec("z", 5).v[i], mkrec("w", 1).tags[i], len(mkrec("w", 1).tags))
	println(Rec{v: Vec{7: 7, 99: 9}}.v[99], [100]int{5: 5}[i%10+3])

	// composite literals (keyed, positional, nested)
	arr := [3]Vec{1: fill(3), 2: {1, 2, 3}}
	println(arr[0][1], arr[1][2], arr[2][2], arr[2].Sum())

	// maps with big keys and values; missing keys give zero values
	m := map[Vec]Rec{}
	m[fill(1)] = mkrec("one", 1)
	m[fill(2)] = mkrec("two", 2)
	println(len(m), m[fill(1)].name, m[fill(2)].v[10], m[fill(3)].name == "", m[fill(3)].v.Sum())
	if r, ok := m[fill(2)]; ok {
		println("found", r.name, r.tags[0])
	}
	delete(m, fill(1))
	println(len(m))
	for k, v := range m {
		println(k[1], v.name)
	}

	// interfaces hold a copy; methods with value and pointer receivers
	var s Summer = a
	a[0] = 1000000
	println(s.Sum(), a.Sum())
	a.Bump(105)
	println(a[5])
	back := s.(Vec)
	println(back[0], back == fill(1), s == Summer(fill(1)))
	var e interface{} = mkrec("iface", 2)
	println(e.(Rec).name, e.(Rec).v[3])

	// method values and expressions bind a copy of the receiver
	sum := b.Sum
	b[0] = 500
	println(sum(), Vec.Sum(b), (*Vec).Sum(&b))

	// closures and defer see variables, deferred calls copy arguments
	func() {
		v := fill(1)
		defer show(v)
		defer func() { show(v) }()
		v[0] = 77
	}()
	n := named()
	println(n.name, n.v[1], n.v[2])

	// range over a big array value iterates over a copy
	w := fill(1)
	for i, x := range w {
		if i == 0 {
			w[99] = -5
		}
		if i == 99 {
			println("range copy", x, w[99])
		}
	}

	// results of more scalars than fit in registers
	rs := []Rec{mkrec("s0", 0), mkrec("s1", 1)}
	rs = append(rs, mkrec("s2", 2))
	println(len(rs), rs[2].name, rs[2].v[7], rs[1].f)

	// very large values and zero-size elements
	var h Huge
	h[len(h)-1] = 9
	h2 := h
	h2[0] = 1
	println(h[0], h2[0], h2[len(h2)-1], h == h2)
	var z Empty
	println(len(z), z == Empty{})

	// index out of range on a value
	defer func() { println("recovered:", recover().(error).Error()) }()
	j := 100
	println(fill(1)[j])
}
