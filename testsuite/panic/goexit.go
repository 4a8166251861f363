// runtime.Goexit runs the goroutine's deferred calls (recover() sees no
// panic there) and ends it; other goroutines go on. Goexit in main.main
// lets the others finish, then gc's fatal error: exit status 2.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

import "runtime"

func worker(done chan<- string) {
	defer func() {
		println("worker deferred, recover:", recover() == nil)
		done <- "worker finished"
	}()
	func() {
		defer println("inner deferred")
		runtime.Goexit()
	}()
	println("not reached")
}

func main() {
	done := make(chan string)
	go worker(done)
	println(<-done)
	go func() {
		runtime.Gosched()
		println("other goroutine still runs")
	}()
	defer println("main deferred")
	runtime.Goexit()
}

// CHECK: inner deferred
// CHECK-NEXT: worker deferred, recover: true
// CHECK-NEXT: worker finished
// CHECK-NEXT: main deferred
// CHECK-NEXT: other goroutine still runs
// CHECK-NEXT: fatal error: no goroutines (main called runtime.Goexit) - deadlock!
