// make([]T, n, c) with n > c panics with gc's text.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func mk(n, c int) []int { return make([]int, n, c) }

func main() {
	println(len(mk(3, 4)))
	println(len(mk(5, 4)))
}

// CHECK: 3
// CHECK-NEXT: panic: runtime error: makeslice: cap out of range
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.mk(
// CHECK-NEXT: panic/makeslice_cap.go:7
// CHECK-NEXT: main.main(
// CHECK-NEXT: panic/makeslice_cap.go:11
