// An explicit panic prints the value, the goroutine header and the frames
// (function and file:line from the call-site table), and exits with status 2.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func f(n int) int {
	if n == 0 {
		panic("boom")
	}
	return f(n-1) + 1
}

func main() {
	println("start")
	println(f(2))
}

// CHECK: start
// CHECK-NEXT: panic: boom
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.f(
// CHECK-NEXT: {{^	/.*/}}panic_string.go:10
// CHECK-NEXT: main.f(
// CHECK-NEXT: {{^	/.*/}}panic_string.go:12
// CHECK-NEXT: main.f(
// CHECK-NEXT: {{^	/.*/}}panic_string.go:12
// CHECK-NEXT: main.main()
// CHECK-NEXT: {{^	/.*/}}panic_string.go:17 +0x{{[0-9a-f]+$}}
// CHECK-NOT: {{.}}
