// A deferred call panics while the first panic is in progress: both are printed.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func f3() {
	defer println("deferred in f")
	g()
}

func g() {
	switch 3 {
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
	f3()
}

// CHECK: deferred in f
// CHECK-NEXT: main deferred
// CHECK-NEXT: panic: first
// CHECK-NEXT: 	panic: second
// CHECK-EMPTY:
// CHECK: goroutine 1 [running]:
