// RUN: %golc build -c -o %t.o %s && llvm-nm-19 %t.o | FileCheck %s
// -c compiles a package without a main function to an object file, as `go tool compile` does.
package p

// CHECK: T main.F
func F(x int) int { return x + 1 }
