// panic with values of named basic types prints T(v) (gc's
// printanycustomtype); other kinds print (T) 0xaddr.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

type E int
type S string
type P struct{ x int }

//go:noinline
func pick(n int) interface{} {
	switch n {
	case 0:
		return E(5)
	case 1:
		return S("x")
	}
	return P{1}
}

func main() {
	panic(pick(2))
}

// CHECK: panic: (main.P) 0x{{[0-9a-f]+}}
