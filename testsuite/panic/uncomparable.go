// Comparing interfaces holding uncomparable dynamic types panics.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func sl(x ...int) []int { return x }

type S struct{ v interface{} }

func main() {
	var a, b interface{} = 1, 2
	println(a == b)
	a, b = S{1}, S{1}
	println(a == b)
	a, b = S{sl(1)}, S{sl(1)}
	println(a == b)
}

// CHECK: false
// CHECK-NEXT: true
// CHECK-NEXT: panic: runtime error: comparing uncomparable type []int
// CHECK: main.main()
// CHECK-NEXT: uncomparable.go:17
