// Failed assertions to interface types and from non-empty interfaces.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t 1 > %t.1 2>&1
// RUN: FileCheck --check-prefix=MISSING %s < %t.1
package main

type I interface{ M() }
type J interface {
	M()
	N()
}

type T struct{}

func (T) M() {}

func main() {
	var x I = T{}
	_ = x.(J)
}

// MISSING: panic: interface conversion: main.T is not main.J: missing method N
// MISSING: main.main()
// MISSING-NEXT: assert_iface.go:19
