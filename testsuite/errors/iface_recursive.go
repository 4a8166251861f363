// RUN: %expect-exit 1 %golc typecheck -e %s 2>&1 | FileCheck %s
// An interface that embeds itself, directly or through others, is an invalid
// recursive type (its elements were copied into every embedding interface,
// doubling per level: a timeout found by fuzzing).
package p

type T2 interface{ T2; m() }
// CHECK: iface_recursive.go:[[#@LINE-1]]:6: invalid recursive type T2

type A interface{ B }
// CHECK: iface_recursive.go:[[#@LINE-1]]:6: invalid recursive type A
type B interface{ A }

type T3 interface{ T2; T2 }
type T4 interface{ T3; T3 }
