// go/defer statements that are not plain calls, unused conversions.
// RUN: %expect-exit 1 %golc build -c -e -o %t.o %s 2>&1 | FileCheck %s
package p

func f(x []int, s string) {
	defer int(0)
	// CHECK: suspended.go:[[#@LINE-1]]:8: defer requires function call, not conversion int(0) (constant 0 of type int)
	go len(x)
	// CHECK: suspended.go:[[#@LINE-1]]:5: go discards result of len(x) (value of type int)
	defer recover()
	int(0)
	// CHECK: suspended.go:[[#@LINE-1]]:2: int(0) (constant 0 of type int) is not used
	_ = s[1:2:3]
	// CHECK: suspended.go:[[#@LINE-1]]:12: invalid operation: 3-index slice of string
}
