// GODEBUG=gctrace=1 prints one line per cycle in gc's format: automatic
// cycles as the heap grows, and runtime.GC's marked (forced).
// RUN: %golc build -o %t %s
// RUN: env GODEBUG=gctrace=1 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
// CHECK: gc 1 @{{[0-9]+\.[0-9]+}}s {{[0-9]+}}%: {{[0-9.]+}}+{{[0-9.]+}}+{{[0-9.]+}} ms clock, {{[0-9.]+}}+{{[0-9.]+}}/{{[0-9.]+}}/{{[0-9.]+}}+{{[0-9.]+}} ms cpu, {{[0-9]+}}->{{[0-9]+}}->{{[0-9]+}} MB, {{[0-9]+}} MB goal, {{[0-9]+}} MB stacks, {{[0-9]+}} MB globals, {{[0-9]+}} P{{$}}
// CHECK: gc {{[0-9]+}} @{{.*}} P (forced)
// CHECK-NEXT: done
package main

import (
	"fmt"
	"runtime"
)

var sink []byte

func main() {
	for i := 0; i < 1000; i++ {
		sink = make([]byte, 20000)
	}
	runtime.GC()
	fmt.Println("done")
}
