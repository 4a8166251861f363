// A map key whose dynamic type is not comparable panics while hashing.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func get(m map[interface{}]int, k interface{}) int { return m[k] }

func main() {
	m := map[interface{}]int{1: 1}
	println(get(m, 1))
	println(get(m, []int{}))
}

// CHECK: 1
// CHECK-NEXT: panic: runtime error: hash of unhashable type []int{{$}}
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.get(
// CHECK-NEXT: panic/unhashable.go:7
// CHECK-NEXT: main.main(
// CHECK-NEXT: panic/unhashable.go:12
