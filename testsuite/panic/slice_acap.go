// Slicing a slice past its capacity panics with gc's text.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func sl(s []int, i int) []int { return s[:i] }

func main() {
	s := make([]int, 2, 3)
	println(len(sl(s, 3)))
	println(len(sl(s, 5)))
}

// CHECK: 3
// CHECK-NEXT: panic: runtime error: slice bounds out of range [:5] with capacity 3
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.sl(
// CHECK-NEXT: panic/slice_acap.go:7
// CHECK-NEXT: main.main(
// CHECK-NEXT: panic/slice_acap.go:12
