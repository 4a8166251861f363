// debug.SetMaxThreads: goroutines blocked in system calls each hold a
// thread; once the program needs more than the limit, it dies with gc's
// texts and exit status 2.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
// CHECK: runtime: program exceeds 10-thread limit
// CHECK-NEXT: fatal error: thread exhaustion
package main

import (
	"runtime/debug"
	"syscall"
	"time"
)

func main() {
	debug.SetMaxThreads(10)
	for i := 0; i < 20; i++ {
		go func() {
			var p [2]int
			syscall.Pipe(p[:])
			var b [1]byte
			syscall.Read(p[0], b[:])
		}()
	}
	time.Sleep(5 * time.Second)
	println("not reached")
}
