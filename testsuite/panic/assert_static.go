// x.(T) with x of a named interface type: gc names the static type.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

type I interface{ M() }

type T int
type U string

func (T) M() {}
func (U) M() {}

func main() {
	var i I = T(1)
	_ = i.(U)
}

// CHECK: panic: interface conversion: main.I is main.T, not main.U
