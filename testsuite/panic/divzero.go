// Integer division by zero is an explicit check that calls the runtime.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func div(a, b int) int {
	return a / b
}

func main() {
	println(div(7, 2))
	println(div(1, 0))
}

// CHECK: 3
// CHECK-NEXT: panic: runtime error: integer divide by zero
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.div(
// CHECK-NEXT: panic/divzero.go:8
// CHECK-NEXT: main.main()
// CHECK-NEXT: panic/divzero.go:13
