// Type errors use types2's wording, as gc 1.19 prints them.
// RUN: %expect-exit 1 %golc build -e -o %t %s 2>&1 | FileCheck %s
package main

func f(a int) string { return "x" }

func main() {
	var s string = f(1)
	var n int = s
	// CHECK: types.go:[[#@LINE-1]]:14: cannot use s (variable of type string) as type int in variable declaration
	n = "a" + 1
	// CHECK-NEXT: types.go:[[#@LINE-1]]:6: invalid operation: "a" + 1 (mismatched types untyped string and untyped int)
	x := 1
	// CHECK-NEXT: types.go:[[#@LINE-1]]:2: x declared but not used
	f("a")
	// CHECK-NEXT: types.go:[[#@LINE-1]]:4: cannot use "a" (untyped string constant) as int value in argument to f
	f(1, 2)
	// CHECK-NEXT: types.go:[[#@LINE-1]]:7: too many arguments in call to f
	// CHECK-NEXT: {{^}}	have (number, number)
	// CHECK-NEXT: {{^}}	want (int)
	var b byte = 300
	// CHECK-NEXT: types.go:[[#@LINE-1]]:15: cannot use 300 (untyped int constant) as byte value in variable declaration (overflows)
	println(n, b)
}
