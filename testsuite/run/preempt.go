// Preemption on the one thread: goroutines spinning in a loop without
// calls (the back-edge poll) and in a loop of calls (the prologue check)
// are preempted by the monitor's 10 ms time slices, so main, timers and
// other goroutines go on; runtime.NumGoroutine counts the spinners.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var x, y int

func spin() {
	for {
		x++
	}
}

//go:noinline
func leaf(n int) int { return n + 1 }

func spincalls() {
	for {
		y = leaf(y)
	}
}

func main() {
	go spin()
	go spincalls()
	runtime.Gosched()
	start := time.Now()
	time.Sleep(30 * time.Millisecond)
	done := make(chan string)
	go func() { done <- "handoff" }()
	fmt.Println(<-done)
	t := time.NewTimer(20 * time.Millisecond)
	<-t.C
	fmt.Println("timer fired", time.Since(start) >= 50*time.Millisecond, runtime.NumGoroutine())
}
