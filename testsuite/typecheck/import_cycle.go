// RUN: %expect-exit 1 env GOLC_GOROOT=%S/Inputs/goroot %golc typecheck %s 2>&1 | FileCheck %s
// CHECK: package command-line-arguments
// CHECK-NEXT: imports cyca
// CHECK-NEXT: imports cycb
// CHECK-NEXT: imports cyca: import cycle not allowed
package main

import "cyca"

var _ = cyca.X

func main() {}
