// make([]T, n) with a negative length panics with gc's text.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func mk(n int) []int { return make([]int, n) }

func main() {
	println(len(mk(3)))
	println(len(mk(-1)))
}

// CHECK: 3
// CHECK-NEXT: panic: runtime error: makeslice: len out of range
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.mk(
// CHECK-NEXT: panic/makeslice.go:7
// CHECK-NEXT: main.main(
// CHECK-NEXT: panic/makeslice.go:11
