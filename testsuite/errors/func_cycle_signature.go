// RUN: %expect-exit 1 %golc typecheck -e %s 2>&1 | FileCheck %s --implicit-check-not=func_cycle_signature.go
// A function named in its own signature has type func() there, as in types2
// (a crash before: go/types' testdata/check/decls0.go, found while fuzzing).
package p

import "unsafe"

func f5([unsafe.Sizeof(f5)]int) {}

func f([len(f)]int) {}
// CHECK: func_cycle_signature.go:[[#@LINE-1]]:13: invalid argument: f (value of type func()) for len
