// Calling a nil func value panics with a nil dereference, as in gc.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

var f func(int) int

func call(g func(int) int) int {
	return g(1) + 1
}

func main() {
	println(call(func(x int) int { return x }))
	println(call(f))
}

// CHECK: 2
// CHECK-NEXT: panic: runtime error: invalid memory address or nil pointer dereference
// CHECK: goroutine 1 [running]:
// CHECK-NEXT: main.call(
// CHECK-NEXT: nilfunc.go:10
// CHECK: main.main()
// CHECK-NEXT: nilfunc.go:15
