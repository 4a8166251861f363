// A recovered run-time error re-panicked from the deferred call prints as
// gc prints it: the first panic [recovered], then the error's Error().
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

var (
	sl   = []int{1, 2, 3}
	five = 5
)

func main() {
	defer func() {
		panic(recover())
	}()
	_ = sl[five]
}

// CHECK: panic: runtime error: index out of range [5] with length 3 [recovered]
// CHECK-NEXT: {{^}}	panic: runtime error: index out of range [5] with length 3
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.main.func1(
// CHECK-NEXT: repanic_runtime_error.go:15
// CHECK: main.main()
// CHECK-NEXT: repanic_runtime_error.go:17
