// //go: directives are checked as gc's noder checks them; misplaced ones do
// not stop type checking.
// RUN: %expect-exit 1 %golc build -c -e -o %t.o %s 2>&1 | FileCheck %s
package p

import _ "unsafe"

//go:noinline
var v int = "x"
// CHECK: directives.go:[[#@LINE-2]]:3: misplaced compiler directive
// CHECK: directives.go:[[#@LINE-2]]:13: cannot use "x" (untyped string constant) as int value in variable declaration

//go:notinheap
type T1 int

type T2 = int //go:noinline
// CHECK: directives.go:[[#@LINE-1]]:17: misplaced compiler directive

//go:nowritebarrier
// CHECK: directives.go:[[#@LINE-1]]:3: //go:nowritebarrier only allowed in runtime
func f() {
	//go:noinline
	x := 1
	// CHECK: directives.go:[[#@LINE-2]]:4: misplaced compiler directive
	_ = x
}

//go:embed data.txt
var s string
// CHECK: directives.go:[[#@LINE-2]]:3: go:embed only allowed in Go files that import "embed"

//go:cgo_ldflag
// CHECK: directives.go:[[#@LINE-1]]:3: usage: //go:cgo_ldflag "arg"

//go:linkname f runtime.f
//go:linkname T1 runtime.t
// CHECK: directives.go:[[#@LINE-1]]:3: //go:linkname must refer to declared function or variable
//go:linkname f runtime.g
// CHECK: directives.go:[[#@LINE-1]]:3: duplicate //go:linkname for f
