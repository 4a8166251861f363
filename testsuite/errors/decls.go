// Package-level declarations: names reserved for functions, unused and
// conflicting imports, redeclared methods, receivers, declaration cycles and
// the arity of var and const declarations, as gc reports them.
// RUN: %expect-exit 1 %golc build -c -e -o %t.o %s 2>&1 | FileCheck %s
package main

import (
	. "bytes"
	// CHECK: decls.go:[[#@LINE-1]]:2: imported and not used: "bytes"
	"bufio"
	"os"
	bufio "strings"
	// CHECK: decls.go:[[#@LINE-1]]:2: bufio redeclared in this block
	// CHECK-NEXT: {{^}}	{{.*}}decls.go:[[#@LINE-4]]:2: other declaration of bufio
	// CHECK: decls.go:[[#@LINE-3]]:2: imported and not used: "strings" as bufio
)

var _ = bufio.NewReader
var _ = os.Args

var init = 1
// CHECK: decls.go:[[#@LINE-1]]:5: cannot declare init - must be func
var main = func() {}
// CHECK: decls.go:[[#@LINE-1]]:5: cannot declare main - must be func
type T struct{}

func (T) m()  {}
func (*T) m() {}
// CHECK: decls.go:[[#@LINE-1]]:11: T.m redeclared in this block
// CHECK-NEXT: {{^}}	{{.*}}decls.go:[[#@LINE-3]]:10: other declaration of m

type A = int
type B = struct{}

func (A) m() {}
// CHECK: decls.go:[[#@LINE-1]]:7: cannot define new methods on non-local type int
func (B) m() {}
// CHECK: decls.go:[[#@LINE-1]]:7: invalid receiver type struct{}

const c1 = c2
// CHECK: decls.go:[[#@LINE-1]]:7: initialization loop for c1
// CHECK-NEXT: {{^}}	{{.*}}decls.go:[[#@LINE-2]]:7: c1 refers to
// CHECK-NEXT: {{^}}	{{.*}}decls.go:[[#@LINE+2]]:7: c2 refers to
// CHECK-NEXT: {{^}}	{{.*}}decls.go:[[#@LINE-4]]:7: c1
const c2 = c1

var v1, v2 = 1, 2, 3
// CHECK: decls.go:[[#@LINE-1]]:20: extra init expr 3
const (
	k1 int = 1
	k2 byte
	// CHECK: decls.go:[[#@LINE-1]]:2: missing init expr for k2
)

func f() {
	var e, f, g = 1, 2
	// CHECK: decls.go:[[#@LINE-1]]:12: missing init expr for g
	_, _ = e, f
}
