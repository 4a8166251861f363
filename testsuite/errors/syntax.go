// A syntax error is reported gc-style (file:line:col: syntax error: ...),
// and golc exits 1 without crashing.
// RUN: %expect-exit 1 %golc build -o %t %s 2>&1 | FileCheck %s
package main

func main() {
	x := 1 +
	if x {
	// CHECK: syntax.go:[[#@LINE-1]]:2: syntax error: unexpected if, expecting expression
	}
}
