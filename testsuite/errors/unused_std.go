// RUN: %expect-exit 1 %golc build -o %t %s 2>&1 | FileCheck %s
package main

import (
	"errors"
	str "strings"
	"unicode/utf8"
	"fmt"
)

// CHECK: unused_std.go:[[#@LINE-6]]:2: imported and not used: "errors"
// CHECK-NEXT: unused_std.go:[[#@LINE-6]]:2: imported and not used: "strings" as str
// CHECK-NEXT: unused_std.go:[[#@LINE-6]]:2: imported and not used: "unicode/utf8"
// CHECK-NEXT: unused_std.go:[[#@LINE+4]]:18: undefined: fmt.Nope
// CHECK-NEXT: unused_std.go:[[#@LINE+4]]:18: undefined: fmt.newPrinter

func main() {
	fmt.Println(fmt.Nope)
	fmt.Println(fmt.newPrinter)
}
