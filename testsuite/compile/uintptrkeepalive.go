// A GC pointer converted to uintptr in a call's arguments stays a root until
// the call returns (gc's //go:uintptrkeepalive rule for syscall.Syscall):
// the buffer the kernel writes into is in the statepoint's gc-live bundle
// and used by a keepalive asm after the call.
// RUN: %golc build -emit-llvm -o %t.ll %s
// RUN: FileCheck %s < %t.ll
// CHECK-LABEL: define {{.*}}@main.main(
// CHECK: [[BUF:%[0-9]+]] = call ptr addrspace(1) @llvm.experimental.gc.result.p1(token %statepoint_token)
// CHECK: @syscall.Syscall, {{.*}} [ "gc-live"(ptr addrspace(1) [[BUF]]) ]
// CHECK-NEXT: [[REL:%[0-9]+]] = call coldcc ptr addrspace(1) @llvm.experimental.gc.relocate.p1
// CHECK-NEXT: call void asm sideeffect "", "r"(ptr addrspace(1) [[REL]])
package main

import (
	"syscall"
	"unsafe"
)

func main() {
	b := make([]byte, 10)
	syscall.Syscall(syscall.SYS_GETPID, uintptr(unsafe.Pointer(&b[0])), 0, 0)
}
