// Every function that calls another begins with the split-stack check
// (SP against the current G's stack guard, slow path into rt_morestack);
// a leaf function does not.
// RUN: %golc build -emit-llvm -o %t.ll %s
// RUN: FileCheck %s < %t.ll
// RUN: %check-prologues %t.ll | FileCheck --check-prefix=ALL %s
package main

//go:noinline
func leaf(a, b int) int { return a*b + 1 }

//go:noinline
func caller(n int) int { return leaf(n, n) + leaf(n, 2) }

type T struct{ p *T }

//go:noinline
func alloc(n int) *T {
	var t *T
	for i := 0; i < n; i++ {
		t = &T{t}
	}
	return t
}

func main() {
	println(caller(3), alloc(3) != nil)
}

// CHECK-LABEL: define {{.*}}i64 @main.leaf(
// CHECK-NOT: rt_morestack
// CHECK: ret i64
// CHECK-LABEL: define {{.*}}i64 @main.caller(
// CHECK: ss.entry:
// CHECK: asm sideeffect {{.*}}rt_curg
// CHECK: %guard = load volatile i64
// CHECK-NEXT: %sp = {{.*}}call i64 @llvm.read_register.i64
// CHECK-NEXT: %short = icmp ult i64 %sp, %guard
// CHECK: gc.statepoint{{.*}}@rt_morestack, i32 3, i32 0, ptr {{.*}}%ss.blk, ptr {{.*}}@golc.adapt.
// ALL: check-prologues: 3 functions checked
