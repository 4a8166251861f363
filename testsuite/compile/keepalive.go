// A heap cell the runtime gets as a plain ptr (map keys and channel
// elements with pointers, cg_scratch) stays a root until the call returns:
// an empty inline asm after the call uses the cell (cg_keepalive), so the
// cell is in the statepoint's gc-live bundle and the asm takes the
// relocated value. runtime.KeepAlive is the same asm on the interface's
// data word, not a call.
// RUN: %golc build -emit-llvm -o %t.ll %s
// RUN: FileCheck %s < %t.ll
package main

import "runtime"

type K struct {
	s string
	n int
}

//go:noinline
func put(m map[K]int, k K) { m[k] = 1 }

// CHECK-LABEL: define {{.*}}void @main.put(
// CHECK: [[CELL:%[0-9]+]] = call ptr addrspace(1) @llvm.experimental.gc.result.p1(token [[NEW:%statepoint_token[0-9]*]])
// CHECK: [[P:%[0-9]+]] = addrspacecast ptr addrspace(1) [[CELL]] to ptr
// CHECK: [[TOK:%statepoint_token[0-9]*]] = call token {{.*}}@runtime.mapassign, {{.*}}ptr {{(nonnull )?}}[[P]], i32 0, i32 0) [ "gc-live"({{.*}}ptr addrspace(1) [[CELL]]{{[,)]}}
// CHECK: [[REL:%[0-9]+]] = call coldcc ptr addrspace(1) @llvm.experimental.gc.relocate.p1(token [[TOK]], {{.*}}; ([[CELL]], [[CELL]])
// CHECK: call void asm sideeffect "", "r"(ptr addrspace(1) [[REL]]) #[[LEAF:[0-9]+]]
// CHECK: ret void

//go:noinline
func send(ch chan *int, p *int) { ch <- p }

// CHECK-LABEL: define {{.*}}void @main.send(
// CHECK: [[CELL:%[0-9]+]] = call ptr addrspace(1) @llvm.experimental.gc.result.p1(token
// CHECK: [[P:%[0-9]+]] = addrspacecast ptr addrspace(1) [[CELL]] to ptr
// CHECK: [[TOK:%statepoint_token[0-9]*]] = call token {{.*}}@runtime.chansend1, {{.*}}ptr {{(nonnull )?}}[[P]], i32 0, i32 0) [ "gc-live"({{.*}}ptr addrspace(1) [[CELL]]{{[,)]}}
// CHECK: [[REL:%[0-9]+]] = call coldcc ptr addrspace(1) @llvm.experimental.gc.relocate.p1(token [[TOK]], {{.*}}; ([[CELL]], [[CELL]])
// CHECK: call void asm sideeffect "", "r"(ptr addrspace(1) [[REL]]) #[[LEAF]]
// CHECK: ret void

//go:noinline
func recv(ch chan *int) *int { return <-ch }

// the received value is loaded before the keepalive
// CHECK-LABEL: define {{.*}} @main.recv(
// CHECK: [[CELL:%[0-9]+]] = call ptr addrspace(1) @llvm.experimental.gc.result.p1(token
// CHECK: [[TOK:%statepoint_token[0-9]*]] = call token {{.*}}@runtime.chanrecv1, {{.*}}[ "gc-live"({{.*}}ptr addrspace(1) [[CELL]]{{[,)]}}
// CHECK: [[REL:%[0-9]+]] = call coldcc ptr addrspace(1) @llvm.experimental.gc.relocate.p1(token [[TOK]], {{.*}}; ([[CELL]], [[CELL]])
// CHECK-NOT: gc.statepoint
// CHECK: load ptr addrspace(1), ptr
// CHECK-NEXT: call void asm sideeffect "", "r"(ptr addrspace(1) [[REL]]) #[[LEAF]]

//go:noinline
func keep(p *int) { runtime.KeepAlive(p) }

// CHECK-LABEL: define {{.*}}void @main.keep(ptr addrspace(1) %0)
// CHECK-NOT: call
// CHECK: call void asm sideeffect "", "r"(ptr addrspace(1) %0) #[[LEAF]]
// CHECK-NEXT: ret void

// CHECK-NOT: @runtime.KeepAlive
// CHECK: attributes #[[LEAF]] = { {{.*}}"gc-leaf-function" }

func main() {
	m := map[K]int{}
	put(m, K{"a", 1})
	ch := make(chan *int, 1)
	x := 5
	send(ch, &x)
	println(len(m), *recv(ch))
	keep(&x)
}
