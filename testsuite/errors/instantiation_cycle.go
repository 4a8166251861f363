// RUN: %expect-exit 1 %golc typecheck -e %s 2>&1 | FileCheck %s --implicit-check-not=instantiation_cycle.go
// A generic type whose instantiation instantiates it again with growing
// arguments has no finite expansion: an error, not a hang (found while
// fuzzing, docs/fuzzing.md).
package p

type G[T any] struct{ x *G[[]T] }
// CHECK: instantiation_cycle.go:[[#@LINE-1]]:8: instantiation cycle

var _ G[int]

// a finite cycle: the arguments only change places
type P[X, Y any] struct{ x *P[Y, X] }

var _ P[int, string]
