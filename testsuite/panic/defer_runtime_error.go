// A runtime error runs the deferred calls (arguments evaluated at the defer).
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func f4() {
	defer println("deferred in f")
	g()
}

func g() {
	switch 4 {
	case 1:
		defer println("deferred in g")
		panic("plain")
	case 2:
		defer func() {
			r := recover()
			panic(r)
		}()
		panic("first")
	case 3:
		defer func() { panic("second") }()
		panic("first")
	case 4:
		var a []int
		defer println("len", len(a))
		a[3] = 1
	}
}

func main() {
	defer println("main deferred")
	f4()
}

// CHECK: len 0
// CHECK-NEXT: deferred in f
// CHECK-NEXT: main deferred
// CHECK-NEXT: panic: runtime error: index out of range [3] with length 0
// CHECK-EMPTY:
// CHECK: goroutine 1 [running]:
