// Index panics print an unsigned index's value as unsigned (gc's
// goPanicIndexU) and a negative signed index without the length, both when
// the panic is printed and through the recovered runtime.Error.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func at(s []int, i uint) int { return s[i] }

func neg(s []int, i int) int { return s[i] }

func main() {
	func() {
		defer func() { println(recover().(error).Error()) }()
		neg([]int{1, 2, 3}, -1)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		var big uint64 = 1<<64 - 1
		_ = []int{1}[big]
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		neg([]int{1}, -7)
	}()
	at([]int{1, 2, 3}, ^uint(0))
}

// CHECK: runtime error: index out of range [-1]
// CHECK-NEXT: runtime error: index out of range [18446744073709551615] with length 1
// CHECK-NEXT: runtime error: index out of range [-7]
// CHECK-NEXT: panic: runtime error: index out of range [18446744073709551615] with length 3
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.at(
