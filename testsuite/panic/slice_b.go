// Slicing a string with low > high panics [i:j].
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func sl(s string, i, j int) string { return s[i:j] }

func main() {
	println(sl("hello", 1, 3))
	println(sl("hello", 4, 2))
}

// CHECK: el
// CHECK-NEXT: panic: runtime error: slice bounds out of range [4:2]
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.sl(
// CHECK-NEXT: panic/slice_b.go:7
// CHECK-NEXT: main.main(
// CHECK-NEXT: panic/slice_b.go:11
