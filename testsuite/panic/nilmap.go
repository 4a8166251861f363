// Assigning to an entry of a nil map panics (a plain error, no "runtime error:").
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func set(m map[string]int, k string) { m[k] = 1 }

func main() {
	var m map[string]int
	println(m["x"], len(m))
	set(m, "x")
}

// CHECK: 0 0
// CHECK-NEXT: panic: assignment to entry in nil map
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.set(
// CHECK-NEXT: panic/nilmap.go:7
// CHECK-NEXT: main.main(
// CHECK-NEXT: panic/nilmap.go:12
