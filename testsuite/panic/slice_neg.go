// A negative slice index prints gc's negative form [-1:].
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func sl(s []byte, i int) []byte { return s[i:] }

func main() {
	println(len(sl([]byte("abc"), -1)))
}

// CHECK: panic: runtime error: slice bounds out of range [-1:]
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.sl(
// CHECK-NEXT: panic/slice_neg.go:7
// CHECK-NEXT: main.main(
// CHECK-NEXT: panic/slice_neg.go:10
