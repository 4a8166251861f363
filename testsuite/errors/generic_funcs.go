// Generic function errors, in gc's words: constraint satisfaction, inference,
// operations a type set does not allow, instantiation counts.
// RUN: %expect-exit 1 %golc typecheck -e %s 2>&1 | FileCheck %s
package p

type Number interface {
	~int | ~int64 | ~float64
}

type MyInt int

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Pair[K comparable, V any](k K, v V) {}

func Exact[T int | string](x T) {}

func Two[T any](a, b T) {}

func Zero[T any]() T {
	var z T
	return z
}

type Stringer interface{ String() string }

func Str[T Stringer](x T) {}

func Bad[T any](x T) T {
	return x + x
	// CHECK: generic_funcs.go:[[#@LINE-1]]:9: invalid operation: operator + not defined on x (variable of type T constrained by any)
}

func Bad2[T any]() T {
	return 0
	// CHECK-NEXT: generic_funcs.go:[[#@LINE-1]]:9: cannot use 0 (untyped int constant) as T value in return statement
}

func f() {
	_ = Sum("a", "b")
	// CHECK-NEXT: generic_funcs.go:[[#@LINE-1]]:9: string does not implement Number (string missing in ~int | ~int64 | ~float64)
	Pair([]int{}, 1)
	// CHECK-NEXT: generic_funcs.go:[[#@LINE-1]]:6: []int does not implement comparable
	Exact(MyInt(1))
	// CHECK-NEXT: generic_funcs.go:[[#@LINE-1]]:7: MyInt does not implement int|string (possibly missing ~ for int in constraint int|string)
	Two(1, "a")
	// CHECK-NEXT: generic_funcs.go:[[#@LINE-1]]:9: default type string of "a" does not match inferred type int for T
	_ = Zero()
	// CHECK-NEXT: generic_funcs.go:[[#@LINE-1]]:10: cannot infer T ({{.*}}generic_funcs.go:{{[0-9]+}}:11)
	Str(3)
	// CHECK-NEXT: generic_funcs.go:[[#@LINE-1]]:5: int does not implement Stringer (missing String method)
	_ = Sum[int, int]
	// CHECK-NEXT: generic_funcs.go:[[#@LINE-1]]:15: got 2 type arguments but want 1
	g := Sum
	// CHECK-NEXT: generic_funcs.go:[[#@LINE-1]]:7: cannot use generic function Sum without instantiation
	_ = g
}
