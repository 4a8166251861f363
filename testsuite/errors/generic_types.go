// RUN: %expect-exit 1 %golc build -o %t %s 2>&1 | FileCheck %s
package main

type List[T any] struct{ v T }

type Pair[K comparable, V any] struct{}

var a List[int, string]

// CHECK: generic_types.go:[[#@LINE-2]]:7: got 2 arguments but 1 type parameters
var b Pair[int]

// CHECK-NEXT: generic_types.go:[[#@LINE-2]]:7: got 1 arguments but 2 type parameters
var c List[string] = List[int]{}

// CHECK-NEXT: generic_types.go:[[#@LINE-2]]:22: cannot use List[int]{} (value of type List[int]) as type List[string] in variable declaration

func main() {}
