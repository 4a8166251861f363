// Goroutines run in parallel on several threads: with GOMAXPROCS=4, four
// goroutines spinning at a barrier (no blocking, no calls in the loop) all
// get there, and they report more than one thread id. GOMAXPROCS changes
// (which stop the world) while goroutines run keep every value.
// RUN: %golc build -o %t %s
// RUN: %run %t | FileCheck %s
// CHECK: barrier passed by 4
// CHECK-NEXT: more than one thread: true
// CHECK-NEXT: procs 4 1 2 8
// CHECK-NEXT: sum 1000000 ok
// CHECK-NEXT: goroutines left 1
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	runtime.GOMAXPROCS(4)
	var arrived int32
	var wg sync.WaitGroup
	var mu sync.Mutex
	distinct := map[int]bool{}
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			atomic.AddInt32(&arrived, 1)
			for atomic.LoadInt32(&arrived) < 4 {
			}
			// spin (no blocking) until two of them were seen on different
			// threads at once, or 10 s passed
			start := time.Now()
			for time.Since(start) < 10*time.Second {
				mu.Lock()
				distinct[syscall.Gettid()] = true
				n := len(distinct)
				mu.Unlock()
				if n > 1 {
					return
				}
				t := time.Now()
				for time.Since(t) < time.Millisecond {
				}
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("barrier passed by", atomic.LoadInt32(&arrived))
	fmt.Println("more than one thread:", len(distinct) > 1)

	// resize the P set under load
	c := make(chan int, 16)
	var sum int64
	var workers sync.WaitGroup
	for w := 0; w < 8; w++ {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for v := range c {
				atomic.AddInt64(&sum, int64(v))
			}
		}()
	}
	var procs []int
	go func() {
		for i := 0; i < 1000000; i++ {
			c <- 1
		}
		close(c)
	}()
	for _, n := range []int{1, 2, 8, 3} {
		time.Sleep(2 * time.Millisecond)
		procs = append(procs, runtime.GOMAXPROCS(n))
	}
	workers.Wait()
	fmt.Println("procs", procs[0], procs[1], procs[2], procs[3])
	fmt.Println("sum", atomic.LoadInt64(&sum), map[bool]string{true: "ok"}[sum == 1000000])
	time.Sleep(time.Millisecond)
	fmt.Println("goroutines left", runtime.NumGoroutine())
}
