// RUN: %expect-exit 1 %golc build -c -o %t.o %s 2>&1 | FileCheck %s --implicit-check-not=convert_tags.go
// Conversions ignore struct tags; assignability does not.
package p

type S struct {
	x int `json:"x"`
}

type T struct {
	x int `yaml:"x"`
}

func f(s S, ps *S) (T, *T) {
	var t T = s
	// CHECK: convert_tags.go:[[#@LINE-1]]:12: cannot use s (variable of type S) as type T in variable declaration
	return T(s), (*T)(ps)
}
