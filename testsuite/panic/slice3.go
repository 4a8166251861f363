// Three-index slice bounds: max < high panics [:j:k].
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func sl(a *[4]int, i, j, k int) []int { return a[i:j:k] }

func main() {
	var a [4]int
	println(cap(sl(&a, 1, 2, 4)))
	println(cap(sl(&a, 1, 3, 2)))
}

// CHECK: 3
// CHECK-NEXT: panic: runtime error: slice bounds out of range [:3:2]
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.sl(
// CHECK-NEXT: panic/slice3.go:7
// CHECK-NEXT: main.main(
// CHECK-NEXT: panic/slice3.go:12
