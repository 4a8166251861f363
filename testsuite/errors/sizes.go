// gc's size limits (checked once the package has no other error; gc reports
// them at the declaration, on the same line).
// RUN: %expect-exit 1 %golc build -c -e -o %t.o %s 2>&1 | FileCheck %s
package p

type Big [1 << 50]byte
// CHECK: sizes.go:[[#@LINE-1]]:10: type [1125899906842624]byte larger than address space

var c chan [1 << 16]byte
// CHECK: sizes.go:[[#@LINE-1]]:7: channel element type too large (>64kB)

func f() {
	_ = make(chan struct{ v [65536]byte })
	// CHECK: sizes.go:[[#@LINE-1]]:11: channel element type too large (>64kB)
}
