// A nil pointer dereference is an explicit check calling runtime.panicmem.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

type T struct{ x int }

func get(p *T) int {
	return p.x
}

func main() {
	println(get(&T{5}))
	println(get(nil))
}

// CHECK: 5
// CHECK-NEXT: panic: runtime error: invalid memory address or nil pointer dereference
// CHECK-NEXT: [signal SIGSEGV: segmentation violation
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.get(
// CHECK-NEXT: panic/nilderef.go:10
// CHECK-NEXT: main.main()
// CHECK-NEXT: panic/nilderef.go:15
