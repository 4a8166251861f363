// When every goroutine is blocked: gc's fatal error, the trace of each
// goroutine with its state, exit status 2.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

func waiter(c chan int) {
	c <- 1 // nobody receives
}

func main() {
	c := make(chan int)
	go waiter(c)
	d := make(chan int)
	<-d
}

// CHECK: fatal error: all goroutines are asleep - deadlock!
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [chan receive]:
// CHECK-NEXT: main.main()
// CHECK-NEXT: {{^	.*}}deadlock.go:16 +0x{{[0-9a-f]+}}
// CHECK-EMPTY:
// CHECK-NEXT: goroutine {{[0-9]+}} [chan send]:
// CHECK-NEXT: main.waiter(
// CHECK-NEXT: {{^	.*}}deadlock.go:9 +0x{{[0-9a-f]+}}
// CHECK-NEXT: created by main.main
// CHECK-NEXT: {{^	.*}}deadlock.go:14 +0x{{[0-9a-f]+}}
