// RUN: %expect-exit 1 %golc build -o %t %s 2>&1 | FileCheck %s
package main

import "unsafe"

// CHECK: unused.go:[[#@LINE-2]]:8: imported and not used: "unsafe"

func main() {
	x := 1
	// CHECK-NEXT: unused.go:[[#@LINE-1]]:2: x declared but not used
	var y int
	// CHECK-NEXT: unused.go:[[#@LINE-1]]:6: y declared but not used
}

func g() int {
	for {
	}
}

func h(b bool) int {
	if b {
		return 1
	}
}
// CHECK-NEXT: unused.go:[[#@LINE-1]]:1: missing return
