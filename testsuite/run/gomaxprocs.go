// GOMAXPROCS: the default comes from $GOMAXPROCS (a positive decimal number;
// anything else falls back to the cgroup CPU quota, then NumCPU), n <= 0
// only reads, and settings clamp at 1024. LockOSThread/UnlockOSThread nest
// (an unlock at 0 is a no-op); NumCgoCall is 0 without cgo.
// RUN: %golc build -o %t %s
// RUN: env GOMAXPROCS=3 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
// RUN: env GOMAXPROCS=3x %run %t > %t.bad 2>&1
// RUN: FileCheck --check-prefix=BAD %s < %t.bad
// A cgroup quota (GOLC_CGROUP_ROOT stands for / in the runtime's paths):
// v2 cpu.max of 1.5 CPUs gives 2, v1 cfs files of 2.2 CPUs give 3.
// RUN: rm -rf %t.v2 %t.v1
// RUN: mkdir -p %t.v2/proc/self %t.v2/sys/fs/cgroup/app %t.v1/proc/self %t.v1/sys/fs/cgroup/cpu/grp
// RUN: echo "0::/app" > %t.v2/proc/self/cgroup
// RUN: echo "150000 100000" > %t.v2/sys/fs/cgroup/app/cpu.max
// RUN: env -u GOMAXPROCS GOLC_CGROUP_ROOT=%t.v2 %run %t | FileCheck --check-prefix=V2 %s
// RUN: echo "3:cpu:/grp" > %t.v1/proc/self/cgroup
// RUN: echo 220000 > %t.v1/sys/fs/cgroup/cpu/grp/cpu.cfs_quota_us
// RUN: echo 100000 > %t.v1/sys/fs/cgroup/cpu/grp/cpu.cfs_period_us
// RUN: env -u GOMAXPROCS GOLC_CGROUP_ROOT=%t.v1 %run %t | FileCheck --check-prefix=V1 %s
package main

import (
	"fmt"
	"runtime"
)

func main() {
	def := runtime.GOMAXPROCS(0)
	fmt.Println("default", def)
	fmt.Println(runtime.GOMAXPROCS(5), runtime.GOMAXPROCS(-1), runtime.GOMAXPROCS(0))
	fmt.Println(runtime.GOMAXPROCS(99999), runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(def)
	fmt.Println("restored", runtime.GOMAXPROCS(0) == def, def >= 1)
	for i := 0; i < 3; i++ {
		runtime.LockOSThread()
	}
	for i := 0; i < 5; i++ {
		runtime.UnlockOSThread()
	}
	runtime.LockOSThread()
	done := make(chan bool)
	go func() {
		runtime.UnlockOSThread() // not locked: a no-op
		done <- true
	}()
	<-done
	runtime.UnlockOSThread()
	fmt.Println("cgo calls", runtime.NumCgoCall())
}

// CHECK: default 3
// CHECK-NEXT: 3 5 5
// CHECK-NEXT: 5 1024
// CHECK-NEXT: restored true true
// CHECK-NEXT: cgo calls 0
// BAD: default {{[1-9][0-9]*}}
// BAD: restored true true
// V2: default 2
// V1: default 3
