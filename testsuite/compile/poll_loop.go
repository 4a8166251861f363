// A loop without calls gets a safepoint poll at its back edge: a volatile
// read of the G's stack guard compared with the preemption value, and a
// statepoint calling runtime.safepointSlow (ARCHITECTURE.md "Safepoint polls").
// RUN: %golc build -emit-llvm -o - %s | FileCheck %s
package main

type node struct {
	next *node
	v    int
}

func walk(n *node) int {
	s := 0
	for n != nil {
		s += n.v
		n = n.next
	}
	return s
}

func spin(n int) int {
	x := 1
	for i := 0; i < n; i++ {
		x = x*31 + i
	}
	return x
}

func main() {
	println(walk(&node{nil, 1}), spin(10))
}

// CHECK-LABEL: define {{.*}}i64 @main.walk(ptr addrspace(1)
// CHECK-SAME: gc "statepoint-example"
// CHECK: load volatile i64
// CHECK: icmp eq i64 %{{.*}}, -1314
// CHECK: @llvm.experimental.gc.statepoint.p0(i64 {{[0-9]+}}, i32 0, ptr elementtype(void ()) @runtime.safepointSlow
// CHECK: gc.relocate
// CHECK-LABEL: define {{.*}}i64 @main.spin(i64
// CHECK: icmp eq i64 %{{.*}}, -1314
// CHECK: @runtime.safepointSlow
