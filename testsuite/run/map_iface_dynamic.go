// Map keys of interface type hold any comparable dynamic value: structs,
// arrays, nested interfaces, and keys of non-empty interface types. An
// uncomparable dynamic value panics with gc's "hash of unhashable type".
package main

import "runtime"

type Stringer interface{ String() string }

type P struct {
	X, Y int
	Name string
	_    int
}

func (p P) String() string { return p.Name }

type N int

func (n N) String() string { return "N" }

type A [2]string

func (a A) String() string { return a[0] + a[1] }

type F struct{ f func() }

func (F) String() string { return "F" }

func main() {
	m := map[interface{}]int{}
	m[P{1, 2, "a", 0}] = 1
	m[P{1, 2, "a", 7}] = 2 // the blank field does not count
	m[[2]string{"x", "y"}] = 3
	m[[2]string{"x", "y"}]++
	m[struct{ i interface{} }{1.5}] = 5
	m[struct{ i interface{} }{1.5}] += 5
	m[[1]interface{}{"s"}] = 6
	m[complex(1, 2)] = 7
	println(len(m), m[P{1, 2, "a", 3}], m[[2]string{"x", "y"}], m[struct{ i interface{} }{1.5}], m[[1]interface{}{"s"}], m[complex(1, 2)])
	_, ok := m[P{1, 2, "b", 0}]
	println(ok)

	s := map[Stringer]string{}
	s[P{Name: "p"}] = "P"
	s[N(3)] = "N3"
	s[A{"a", "b"}] = "A"
	s[N(3)] += "!"
	for _, k := range []Stringer{P{Name: "p"}, N(3), A{"a", "b"}, N(4), nil} {
		v, ok := s[k]
		println(v, ok)
	}
	s[nil] = "nil"
	delete(s, A{"a", "b"})
	println(len(s), s[nil])

	defer func() {
		e := recover().(runtime.Error)
		println(e.Error())
	}()
	s[F{}] = "F"
}
