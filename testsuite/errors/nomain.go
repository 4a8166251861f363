// RUN: %expect-exit 1 %golc build -o %t %s 2>&1 | FileCheck %s
// Like gc, a main package without func main fails when linking, not when compiling.
package main

// CHECK: function main is undeclared in the main package
func helper() {}
