// A failed x.(T) panics with runtime.TypeAssertionError's text.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

type I interface{ M() }

type T struct{}

func (T) M() {}

func get(x interface{}) int {
	return x.(int)
}

func main() {
	var i I = T{}
	_ = i.(I)
	println(get(1))
	println(get("str"))
}

// CHECK: 1
// CHECK-NEXT: panic: interface conversion: interface {} is string, not int
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.get(
// CHECK-NEXT: assert_concrete.go:14
// CHECK: main.main()
// CHECK-NEXT: assert_concrete.go:21
