// RUN: %expect-exit 1 %golc typecheck -e %s 2>&1 | FileCheck %s --implicit-check-not=instantiation_cycle_method.go
// An instantiation cycle through a method's signature (found while fuzzing).
package p

type G[T any] struct{}
// CHECK: instantiation_cycle_method.go:[[#@LINE-1]]:8: instantiation cycle

func (G[T]) M() G[[]T] { return G[[]T]{} }

var _ G[int]
