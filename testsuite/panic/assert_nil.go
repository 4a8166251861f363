// Assertions on nil interface values; the static interface type is named.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

type I interface{ M() }

type T int

func (T) M() {}

func main() {
	var i I
	if _, ok := i.(T); !ok {
		println("comma-ok")
	}
	var x interface{} = i
	_ = x.(I)
}

// CHECK: comma-ok
// CHECK-NEXT: panic: interface conversion: interface is nil, not main.I
