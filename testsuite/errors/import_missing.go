// RUN: %expect-exit 1 %golc build -o %t %s 2>&1 | FileCheck %s
package main

import (
	"fmt"
	"no/such/pkg"
)

// CHECK: import_missing.go:[[#@LINE-3]]:2: package no/such/pkg is not in GOROOT (/usr/share/go-1.19/src/no/such/pkg)

func main() {
	fmt.Println(pkg.X)
}
