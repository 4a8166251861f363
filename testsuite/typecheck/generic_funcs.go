// Generic functions type-check: explicit, partial and inferred instantiation,
// constraint type inference through core types, untyped constants, operations
// on type parameters through their type sets, recursion.
// RUN: %golc typecheck %s
package main

type Number interface {
	~int | ~int64 | ~float64
}

type MyInt int

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s + 0
}

func Map[T, U any](xs []T, f func(T) U) []U {
	r := make([]U, 0, len(xs))
	for _, x := range xs {
		r = append(r, f(x))
	}
	return r
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	r := make([]K, 0, len(m))
	for k := range m {
		r = append(r, k)
	}
	return r
}

func Scale[S ~[]E, E Number](s S, c E) S {
	r := make(S, len(s))
	for i, v := range s {
		r[i] = v * c
	}
	return r
}

func fact[T interface{ ~int | ~float64 }](n T) T {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func Concat[T ~string | ~[]byte](a T, b T) []byte {
	return append([]byte(a), b...)
}

func Ptr[T any](v T) *T { return &v }

type Stringer interface{ String() string }

type name string

func (n name) String() string { return string(n) }

func Join[T Stringer](xs []T) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ","
		}
		s += x.String()
	}
	return s
}

func Eq[T comparable](a, b T) bool { return a == b }

type Path []float64

func main() {
	_ = Sum(1, 2, 3)
	_ = Sum[float64](1.5, 2)
	var m MyInt = Sum(MyInt(1), 2)
	_ = m
	_ = Map([]int{1, 2}, func(i int) string { return "x" })
	_ = Map[int, bool]([]int{1}, func(int) bool { return true })
	_ = Keys(map[string]int{"a": 1})
	var p Path = Scale(Path{1, 2}, 2)
	_ = p
	_ = fact(5)
	_ = Concat("a", "b")
	_ = *Ptr(3) + 1
	_ = Join([]name{"a", "b"})
	_ = Eq(1, 2) && Eq("a", "b")
	f := Map[int, int]
	_ = f
}
