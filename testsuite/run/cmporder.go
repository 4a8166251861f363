// Struct and array == as gc orders it: leaves left to right, stopping at
// the first difference, in groups separated by interfaces (compared in
// place); inside a group string bytes come after every cheaper comparison.
// Strings with a bad data pointer are never read when something cheaper
// differs; an uncomparable interface value panics exactly when reached.
// Inline comparisons (codegen) and comparisons through interfaces (the
// runtime's descriptor walk) agree.
package main

import "unsafe"

type S struct {
	s string
	i int
}

type SS struct{ s, t string }

type T struct {
	a interface{}
	n int
}

type U struct {
	n int
	a interface{}
}

func bad(n int) string {
	return *(*string)(unsafe.Pointer(&struct {
		p uintptr
		n int
	}{1, n})) // a data pointer that is never valid
}

func try(name string, f func() bool) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panics:", r.(error).Error())
		}
	}()
	println(name, f())
}

func main() {
	try("S int differs", func() bool { return S{bad(3), 1} == S{bad(3), 2} })
	try("S len differs", func() bool { return S{bad(3), 1} == S{bad(4), 1} })
	try("SS later len differs", func() bool { return SS{bad(1), "a"} == SS{bad(1), "aa"} })
	try("array", func() bool { return [2]S{{bad(1), 0}, {"a", 5}} == [2]S{{bad(1), 1}, {"a", 5}} })
	try("T iface first", func() bool { return T{[]int{1}, 1} == T{[]int{1}, 2} })
	try("T types differ", func() bool { return T{[]int{1}, 1} == T{"x", 1} })
	try("U int first", func() bool { return U{1, []int{1}} == U{2, []int{1}} })
	try("U iface reached", func() bool { return U{1, []int{1}} == U{1, []int{1}} })
	var x, y interface{} = SS{bad(1), "a"}, SS{bad(1), "aa"}
	try("SS through interfaces", func() bool { return x == y })
	x, y = U{1, []int{1}}, U{2, []int{1}}
	try("U through interfaces", func() bool { return x == y })
	x, y = T{[]int{1}, 1}, T{[]int{1}, 2}
	try("T through interfaces", func() bool { return x == y })
}
