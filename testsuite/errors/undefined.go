// RUN: %expect-exit 1 %golc build -o %t %s 2>&1 | FileCheck %s
package main

func main() {
	_ = foo
	// CHECK: undefined.go:[[#@LINE-1]]:6: undefined: foo
	bar()
	// CHECK-NEXT: undefined.go:[[#@LINE-1]]:2: undefined: bar
}
