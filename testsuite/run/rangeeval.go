// Range statements: the range expression is evaluated once unless only the
// index is used and len(x) is constant (no calls or receives in x); key and
// value assignments evaluate both left-hand sides' operands first. Also
// unsafe.Slice's overflow checks and the "different scopes" assertion text.
// Golden: gc 1.19.
package main

import (
	"fmt"
	"unsafe"
)

var nmake int

func makearray() [5]int { nmake++; return [5]int{1, 2, 3, 4, 5} }

var X interface{}

func scoped() {
	type T struct{}
	defer func() { fmt.Println(recover()) }()
	_ = X.(T)
}

type T struct{}

func main() {
	s := 0
	for i := range makearray() {
		s += i
	}
	fmt.Println(nmake, s)
	var arr [3]int
	for i := range arr {
		s += i
	}
	fmt.Println(s)

	x := []int{10, 20}
	y := []int{99}
	i := 1
	for i, x[i] = range y {
		break
	}
	fmt.Println(i, x)
	m := map[string]int{"a": 1}
	k := "z"
	mm := map[string]string{}
	for k, mm[k] = range map[string]string{"a": "b"} {
	}
	fmt.Println(k, mm, m)

	var p [4]byte
	fmt.Println(len(unsafe.Slice(&p[0], 4)), unsafe.Slice((*int)(nil), 0) == nil)
	last := (*byte)(unsafe.Pointer(^uintptr(0)))
	fmt.Println(len(unsafe.Slice(last, 1)))
	func() {
		defer func() { fmt.Println(recover()) }()
		_ = unsafe.Slice(last, 2)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		_ = unsafe.Slice((*int)(nil), 1)
	}()
	fmt.Println(len(unsafe.Slice((*struct{})(nil), 3)))

	X = T{}
	scoped()
}
