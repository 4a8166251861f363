// Out-of-range indexing panics with gc's message.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func at(s string, i int) byte {
	return s[i]
}

func main() {
	println(at("abc", 1))
	println(at("abc", 5))
}

// CHECK: 98
// CHECK-NEXT: panic: runtime error: index out of range [5] with length 3
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.at(
// CHECK-NEXT: panic/index.go:8
