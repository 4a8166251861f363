// Switch and select statements: gc's reports for duplicate and invalid cases.
// RUN: %expect-exit 1 %golc build -c -e -o %t.o %s 2>&1 | FileCheck %s
package p

import "fmt"

type I interface{ Foo() }
type X int

func (*X) Foo() {}

func types(e interface{}, i I) {
	switch e.(type) {
	case int, fmt.Stringer:
	case nil:
	case int:
	// CHECK: switches.go:[[#@LINE-1]]:7: duplicate case int in type switch
	// CHECK-NEXT: {{^}}	{{.*}}switches.go:[[#@LINE-4]]:7: previous case
	case nil:
	// CHECK: switches.go:[[#@LINE-1]]:7: duplicate case nil in type switch
	// CHECK-NEXT: {{^}}	{{.*}}switches.go:[[#@LINE-6]]:7: previous case
	default:
	default:
	// CHECK: switches.go:[[#@LINE-1]]:2: multiple defaults (first at {{.*}}switches.go:[[#@LINE-2]]:2)
	}
	switch i.(type) {
	case X:
	// CHECK: switches.go:[[#@LINE-1]]:7: impossible type switch case: X
	// CHECK-NEXT: {{^}}	i (variable of type I) cannot have dynamic type X (Foo method has pointer receiver)
	}
	switch _ := e.(type) {
	// CHECK: switches.go:[[#@LINE-1]]:9: no new variable on left side of :=
	}
}

func values(x int, f func(), s string, a [2]func()) {
	switch x {
	case 1, 2:
	case 1:
	// CHECK: switches.go:[[#@LINE-1]]:7: duplicate case 1 (constant of type int) in expression switch
	// CHECK-NEXT: {{^}}	{{.*}}switches.go:[[#@LINE-3]]:7: previous case
	case s:
	// CHECK: switches.go:[[#@LINE-1]]:7: invalid case s in switch on x (mismatched types string and int)
	}
	switch f {
	case nil:
	case f:
	// CHECK: switches.go:[[#@LINE-1]]:7: invalid case f in switch on f (func can only be compared to nil)
	}
	switch a {
	// CHECK: switches.go:[[#@LINE-1]]:9: cannot switch on a (variable of type [2]func()) ([2]func() is not comparable)
	}
}

func sel(c chan int) {
	select {
	case c:
	// CHECK: switches.go:[[#@LINE-1]]:7: select case must be send or receive (possibly with assignment)
	case <-c:
	}
}

type S struct{ s []int }

func compare(a, b S, e interface{}, m map[int]int) {
	_ = a == b
	// CHECK: switches.go:[[#@LINE-1]]:6: invalid operation: a == b (struct containing []int cannot be compared)
	_ = e == m
	// CHECK: switches.go:[[#@LINE-1]]:11: invalid operation: e == m (map can only be compared to nil)
	_ = e < e
	// CHECK: switches.go:[[#@LINE-1]]:6: invalid operation: e < e (operator < not defined on interface)
}
