// RUN: %expect-exit 1 %golc typecheck -e %s 2>&1 | FileCheck %s --implicit-check-not=describe_operand.go
// Messages that embed an operand's description print it once, as types2 does
// ("n + 1 (value of type int)", "nil"); an array length that is a name must
// name a constant. Found by the fuzzer (docs/fuzzing.md).
package p

var n int
var a [n + 1]int
// CHECK: describe_operand.go:[[#@LINE-1]]:8: array length n + 1 (value of type int) must be constant
var b [nil]int
// CHECK: describe_operand.go:[[#@LINE-1]]:8: invalid array length nil
var c [n]int
// CHECK: describe_operand.go:[[#@LINE-1]]:8: invalid array length n
var d [m]int
// CHECK: describe_operand.go:[[#@LINE-1]]:8: undeclared name m for array length

func f() {
	x := 1
	x
	// CHECK: describe_operand.go:[[#@LINE-1]]:2: x (variable of type int) is not used
	nil
	// CHECK: describe_operand.go:[[#@LINE-1]]:2: nil is not used
	y := 2
	// CHECK: describe_operand.go:[[#@LINE-1]]:2: y declared but not used
	var z [y]int
	// CHECK: describe_operand.go:[[#@LINE-1]]:9: invalid array length y
	_ = z
}

func arr() [3]int { return [3]int{} }

func slices() {
	_ = arr()[1:]
	// CHECK: describe_operand.go:[[#@LINE-1]]:6: invalid operation: arr() (value of type [3]int) (slice of unaddressable value)
	_ = [100]int{}[:2]
	// CHECK: describe_operand.go:[[#@LINE-1]]:6: invalid operation: [100]int{} (value of type [100]int) (slice of unaddressable value)
}
