// RUN: %expect-exit 1 %golc build -c -o %t.o %s 2>&1 | FileCheck %s
// A cycle through function bodies is reported as gc reports it, once, with the chain.
package p

var a, b = f()
// CHECK: initloop.go:[[#@LINE-1]]:8: initialization loop for b
// CHECK-NEXT: {{^}}	{{.*}}initloop.go:[[#@LINE-2]]:8: b refers to
// CHECK-NEXT: {{^}}	{{.*}}initloop.go:[[#@LINE+5]]:6: f refers to
// CHECK-NEXT: {{^}}	{{.*}}initloop.go:[[#@LINE+2]]:5: c refers to
// CHECK-NEXT: {{^}}	{{.*}}initloop.go:[[#@LINE-5]]:8: b
var c = b

func f() (int, int) { return c, c }

// recursion among functions alone is no cycle
func g() int { return h() }
func h() int { return g() + d }

var d = 1
var e = g
// CHECK-NOT: initialization loop
