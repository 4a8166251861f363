// A goroutine blocked in a system call does not hold up the others: with
// GOMAXPROCS=1, the monitor retakes the P of a read on an empty pipe and
// hands it to another thread, so main (asleep on a timer) runs and writes
// the byte the reader waits for. With the call holding the only P, this
// would hang.
// RUN: %golc build -o %t %s
// RUN: env GOMAXPROCS=1 %run %t | FileCheck %s
// CHECK: main ran while the reader was blocked
// CHECK-NEXT: read 1 byte: 42
// CHECK-NEXT: done
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		panic(err)
	}
	var started, finished int32
	done := make(chan string)
	go func() {
		atomic.StoreInt32(&started, 1)
		var b [1]byte
		n, err := syscall.Read(p[0], b[:]) // blocks in the kernel
		atomic.StoreInt32(&finished, 1)
		done <- fmt.Sprintf("read %d byte: %d %v", n, b[0], err)
	}()
	for atomic.LoadInt32(&started) == 0 {
		runtime.Gosched()
	}
	time.Sleep(50 * time.Millisecond) // the reader is in read(2) by now
	if atomic.LoadInt32(&finished) == 0 {
		fmt.Println("main ran while the reader was blocked")
	}
	syscall.Write(p[1], []byte{42})
	s := <-done
	fmt.Println(s[:len(s)-len(" <nil>")])
	fmt.Println("done")
}
