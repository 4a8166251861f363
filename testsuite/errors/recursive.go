// Invalid recursive types are diagnosed, not crashed on.
// RUN: %expect-exit 1 %golc build -o %t %s 2>&1 | FileCheck %s
package main

type T0 T0

// CHECK: recursive.go:[[#@LINE-2]]:6: invalid recursive type T0

type T1 struct{ T1 }

// CHECK: recursive.go:[[#@LINE-2]]:6: invalid recursive type T1

type T2 struct {
	a [2]T2
}

// CHECK: recursive.go:[[#@LINE-4]]:6: invalid recursive type T2

type L struct{ next *L } // fine: through a pointer

func main() {
	var l L
	_ = l
}
