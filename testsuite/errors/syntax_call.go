// RUN: %expect-exit 1 %golc build -o %t %s 2>&1 | FileCheck %s
package main

func main() {
	for i := 0; i < 3; i++ {
		println(i
		// CHECK: syntax_call.go:[[#@LINE-1]]:12: syntax error: unexpected newline in argument list; possibly missing comma or )
	}
}
