// The standard library and goroutines under GOLC_GCSTRESS=1: every
// allocation walks every frame of the running goroutine and checks its
// roots. fmt.Printf passes arguments on the stack; x86's call-frame
// optimization (pushes) would put SP below the frame size the stack map
// records and lose the walk, so golc turns it off (cg_module.c).
// RUN: %golc build -o %t %s
// RUN: env GOLC_GCSTRESS=1 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

import (
	"fmt"
	"strings"
)

type T struct {
	A int
	B []string
}

//go:noinline
func many(a, b, c, d, e, f, g, h int, s string) string {
	return fmt.Sprintf("%d%d%d%d%d%d%d%d%s", a, b, c, d, e, f, g, h, strings.Repeat(s, 2))
}

func main() {
	fmt.Printf("%v %+v %T\n", 1, T{2, []string{"x"}}, T{})
	out := make(chan string)
	for i := 0; i < 4; i++ {
		go func(i int) { out <- many(i, 1, 2, 3, 4, 5, 6, 7, "z") }(i)
	}
	n := 0
	for i := 0; i < 4; i++ {
		n += len(<-out)
	}
	fmt.Println("done", n)
}

// CHECK: 1 {A:2 B:[x]} main.T
// CHECK-NEXT: done 40
