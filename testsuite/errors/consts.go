// Constant conversions, shifts and operand spelling in gc's words.
// RUN: %expect-exit 1 %golc build -c -e -o %t.o %s 2>&1 | FileCheck %s
package p

const big int = 1e20
// CHECK: consts.go:[[#@LINE-1]]:17: cannot use 1e20 (untyped float constant 1e+20) as int value in constant declaration (truncated)
const frac int = 1.00000001
// CHECK: consts.go:[[#@LINE-1]]:18: cannot use 1.00000001 (untyped float constant 1) as int value in constant declaration (truncated)

var _ = int8(4) * 300
// CHECK: consts.go:[[#@LINE-1]]:19: 300 (untyped int constant) overflows int8
var _ = float32(1) * 1e200
// CHECK: consts.go:[[#@LINE-1]]:22: 1e200 (untyped float constant 1e+200) overflows float32
var _ = bool("")
// CHECK: consts.go:[[#@LINE-1]]:14: cannot convert "" (untyped string constant) to type bool
var _ = int(complex64(int(0)))

func shifts(s uint) {
	var f float64 = 1 << s
	// CHECK: consts.go:[[#@LINE-1]]:18: invalid operation: 1 << s (shift of type float64)
	x := 1.0 << s
	// CHECK: consts.go:[[#@LINE-1]]:7: invalid operation: 1.0 << s (shift of type float64)
	_ = string(1 << s)
	// CHECK: consts.go:[[#@LINE-1]]:13: invalid operation: 1 << s (shift of type string)
	var i int = 1.0 << s
	_, _, _ = f, x, i
}

func makes() {
	_ = make([]int, 0.5)
	// CHECK: consts.go:[[#@LINE-1]]:18: 0.5 (untyped float constant) truncated to int
	_ = make([]int, float64(1))
	// CHECK: consts.go:[[#@LINE-1]]:18: invalid argument: index float64(1) (constant 1 of type float64) must be integer
	_ = make(map[int]int, -1)
	// CHECK: consts.go:[[#@LINE-1]]:24: invalid argument: index -1 (constant of type int) must not be negative
	_ = make(chan int, uint64(1<<63))
	// CHECK: consts.go:[[#@LINE-1]]:21: invalid argument: index uint64(1 << 63) (constant 9223372036854775808 of type uint64) overflows int
}

type T struct {
	_    int
	next *T
}

func literals(m map[int]T, s string) {
	_ = map[int]int{1: 1, 2: 2, 1: 3}
	// CHECK: consts.go:[[#@LINE-1]]:30: duplicate key 1 in map literal
	_ = map[interface{}]int{2: 1, int16(2): 1, "a": 1, "a": 2}
	// CHECK: consts.go:[[#@LINE-1]]:53: duplicate key "a" in map literal
	_ = []int{1: 1, 0, 1: 2}
	// CHECK: consts.go:[[#@LINE-1]]:22: duplicate index 1 in array or slice literal
	_ = T{_: 1}
	// CHECK: consts.go:[[#@LINE-1]]:8: unknown field '_' in struct literal of type T
	_ = T{next: {}}
	// CHECK: consts.go:[[#@LINE-1]]:14: missing type in composite literal
	m[0].next = nil
	// CHECK: consts.go:[[#@LINE-1]]:2: cannot assign to struct field m[0].next in map
	s[0] = 1
	// CHECK: consts.go:[[#@LINE-1]]:2: cannot assign to s[0] (value of type byte)
	len(s)
	// CHECK: consts.go:[[#@LINE-1]]:2: len(s) (value of type int) is not used
}

func two() (int, int) { return 1, 2 }

func results() (int, int) {
	a := two()
	// CHECK: consts.go:[[#@LINE-1]]:7: assignment mismatch: 1 variable but two returns 2 values
	_ = a
	if a > 0 {
		return 2.5
		// CHECK: consts.go:[[#@LINE-1]]:10: not enough return values
		// CHECK-NEXT: {{^}}	have (number)
		// CHECK-NEXT: {{^}}	want (int, int)
	}
	return 1, "x", nil
	// CHECK: consts.go:[[#@LINE-1]]:17: too many return values
	// CHECK-NEXT: {{^}}	have (number, string, nil)
	// CHECK-NEXT: {{^}}	want (int, int)
}
