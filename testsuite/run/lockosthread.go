// LockOSThread: a locked goroutine runs only on its thread (main keeps its
// thread id while other goroutines come and go), a goroutine that exits
// while locked takes its thread with it (main's is locked meanwhile: the
// main thread itself would only be parked), and threads started while a
// locked thread has blocked a signal do not inherit that mask.
// RUN: %golc build -o %t %s
// RUN: %run %t | FileCheck %s
// CHECK: main stayed on its thread: true
// CHECK-NEXT: locked goroutine stayed on its thread: true
// CHECK-NEXT: its thread is gone: true
// CHECK-NEXT: new threads: true
// CHECK-NEXT: none inherited the blocked SIGUSR1: true
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"
)

func threads() map[int]string {
	m := map[int]string{}
	ents, _ := os.ReadDir("/proc/self/task")
	for _, e := range ents {
		id, _ := strconv.Atoi(e.Name())
		b, _ := os.ReadFile("/proc/self/task/" + e.Name() + "/status")
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "SigBlk:") {
				m[id] = strings.TrimSpace(l[7:])
			}
		}
	}
	return m
}

func main() {
	// threads made from a locked thread with SIGUSR1 blocked
	runtime.GOMAXPROCS(4)
	runtime.LockOSThread()
	set := uint64(1) << (uint(syscall.SIGUSR1) - 1)
	syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, 0, uintptr(unsafe.Pointer(&set)), 0, 8, 0, 0)
	before := threads()
	stop := make(chan bool)
	ready := make(chan bool)
	for i := 0; i < 3; i++ {
		go func() {
			ready <- true
			for {
				select {
				case <-stop:
					return
				default:
				}
			}
		}()
	}
	for i := 0; i < 3; i++ {
		<-ready
	}
	after := threads()
	close(stop)
	fresh, clean := 0, true
	for id, mask := range after {
		if _, old := before[id]; old {
			continue
		}
		fresh++
		// a thread glibc is still starting has every signal blocked for
		// a moment: only a mask that stays is inherited
		for i := 0; i < 100; i++ {
			v, _ := strconv.ParseUint(mask, 16, 64)
			if v&set == 0 {
				break
			}
			if i == 99 {
				clean = false
			}
			time.Sleep(10 * time.Millisecond)
			mask = threads()[id]
		}
	}
	unblock := set
	syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, 1, uintptr(unsafe.Pointer(&unblock)), 0, 8, 0, 0)

	tid := syscall.Gettid()
	c := make(chan int)
	for i := 0; i < 10; i++ {
		go func() {
			time.Sleep(time.Millisecond)
			c <- syscall.Gettid()
		}()
	}
	same := 0
	for i := 0; i < 10; i++ {
		<-c
		if syscall.Gettid() == tid {
			same++
		}
	}
	fmt.Println("main stayed on its thread:", same == 10)

	done := make(chan int)
	go func() {
		runtime.LockOSThread()
		t := syscall.Gettid()
		time.Sleep(time.Millisecond)
		if t != syscall.Gettid() {
			t = -1
		}
		done <- t
	}()
	t := <-done
	fmt.Println("locked goroutine stayed on its thread:", t > 0)
	gone := false
	for i := 0; i < 1000 && !gone; i++ {
		time.Sleep(time.Millisecond)
		_, err := os.Stat("/proc/self/task/" + strconv.Itoa(t))
		gone = err != nil
	}
	fmt.Println("its thread is gone:", gone)
	runtime.UnlockOSThread()
	fmt.Println("new threads:", fresh > 0)
	fmt.Println("none inherited the blocked SIGUSR1:", clean)
}
