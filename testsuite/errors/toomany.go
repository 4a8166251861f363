// gc stops after 10 errors with "too many errors" (-e reports all).
// RUN: %expect-exit 1 %golc build -o %t %s 2>&1 | FileCheck %s
// RUN: %expect-exit 1 %golc build -e -o %t %s 2>&1 | FileCheck --check-prefix=ALL %s
package main

func main() {
	_ = a1
	_ = a2
	_ = a3
	_ = a4
	_ = a5
	_ = a6
	_ = a7
	_ = a8
	_ = a9
	_ = a10
	_ = a11
	_ = a12
}

// CHECK: toomany.go:7:6: undefined: a1
// CHECK: toomany.go:16:6: undefined: a10
// CHECK-NEXT: toomany.go:16:6: too many errors
// ALL: undefined: a12
