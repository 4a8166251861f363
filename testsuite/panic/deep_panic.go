// A panic deep in a recursion: the traceback walks across split-stack
// segments (gc elides the middle of long tracebacks; so do we later).
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
// RUN: grep -c 'deep_panic.go:13' %t.out | FileCheck --check-prefix=COUNT %s
package main

func rec(n int) int {
	if n == 0 {
		panic("bottom")
	}
	return rec(n-1) + 1
}

func main() {
	println(rec(50))
}

// CHECK: panic: bottom
// CHECK: main.rec(
// CHECK-NEXT: deep_panic.go:11
// CHECK: main.main()
// CHECK-NEXT: deep_panic.go:17
// COUNT: 50
