// Generic code whose layout depends on a type parameter is not lowered yet:
// golc says so (exit 1) instead of producing invalid IR.
// RUN: %expect-exit 1 %golc build -o %t %s 2>&1 | FileCheck %s
package main

type box[T any] struct{ v T }

func (b box[T]) get() T { return b.v }

// CHECK: unsupported_generic.go:[[#@LINE-2]]:{{[0-9]+}}: golc: generic code not supported yet

func main() {
	println(box[int]{3}.get())
}
