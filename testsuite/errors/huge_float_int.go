// RUN: %expect-exit 1 %golc typecheck -e %s 2>&1 | FileCheck %s --implicit-check-not=huge_float_int.go
// A float constant with a binary exponent of 4096 or more is not an integer
// (go/constant's smallFloat), so converting it is "truncated" and it is never
// expanded into an integer of millions of bits (seconds and gigabytes before;
// found by fuzzing).
package p

const _ int64 = 1e64645699
// CHECK: huge_float_int.go:[[#@LINE-1]]:17: cannot use 1e64645699 (untyped float constant{{.*}}) as int64 value in constant declaration (truncated)
const _ = int(1e10000)
// CHECK: huge_float_int.go:[[#@LINE-1]]:15: cannot convert 1e10000 (untyped float constant{{.*}}) to type int
