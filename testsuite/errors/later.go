// Map keys and embedded fields are checked once their types are complete;
// builtin calls with a wrong argument count are gc's "invalid operation".
// RUN: %expect-exit 1 %golc build -c -e -o %t.o %s 2>&1 | FileCheck %s
package p

type S struct {
	m map[S]bool
	// CHECK: later.go:[[#@LINE-1]]:8: invalid map key type S
}

type K [1]M
type M map[K]int
// CHECK: later.go:[[#@LINE-1]]:12: invalid map key type K

type P *struct {
	P
	// CHECK: later.go:[[#@LINE-1]]:2: embedded field type cannot be a pointer
}

type I interface{ m() }
type E struct {
	*I
	// CHECK: later.go:[[#@LINE-1]]:2: embedded field type cannot be a pointer to an interface
}

func three() (float64, float64, float64) { return 1, 2, 3 }

func builtins(m map[int]int, si []int, s string) {
	delete(m)
	// CHECK: later.go:[[#@LINE-1]]:2: invalid operation: not enough arguments for delete(m) (expected 2, found 1)
	_ = complex(three())
	// CHECK: later.go:[[#@LINE-1]]:6: invalid operation: too many arguments for complex(three()) (expected 2, found 3)
	_ = copy(si, s)
	// CHECK: later.go:[[#@LINE-1]]:11: invalid argument: arguments to copy si (variable of type []int) and s (variable of type string) have different element types int and byte
	_ = append(si...)
	// CHECK: later.go:[[#@LINE-1]]:13: not enough arguments in call to append
	// CHECK-NEXT: {{^}}	have ([]int)
	// CHECK-NEXT: {{^}}	want ([]int, ...int)
	close(m)
	// CHECK: later.go:[[#@LINE-1]]:8: invalid operation: cannot close non-channel m (variable of type map[int]int)
}
