// (*[n]T)(s) shares s's array when len(s) >= n and panics with gc's text otherwise.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

type PInt4 *[4]int

func conv(s []int) *[4]int { return (*[4]int)(s) }

func main() {
	s := make([]int, 6, 10)
	p := conv(s)
	p[2] = 7
	println(s[2], &p[0] == &s[0])
	var q PInt4 = PInt4(s[2:])
	println(q[0])
	var empty []int
	println((*[0]int)(empty) == nil)
	println(conv(s[:3]))
}

// CHECK: 7 true
// CHECK-NEXT: 7
// CHECK-NEXT: true
// CHECK-NEXT: panic: runtime error: cannot convert slice with length 3 to pointer to array with length 4
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.conv(
// CHECK-NEXT: slice_to_arrayptr.go:9
