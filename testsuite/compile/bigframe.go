// A function whose frame may exceed the guard's slack gets a trampoline:
// f checks SP - est against the guard (est covers the whole frame), then
// musttail-calls f.body, which has no check of its own. Big allocas are seen
// in the IR; frames big from spills are measured in the object's stack maps
// and compiled again (the binary has main.deep.body, the IR without
// measurements does not). GOLC_MAXSSA=1000: values of up to 1000 scalars are
// held in SSA registers (the default, 64, keeps [1000]byte in memory).
// RUN: env GOLC_MAXSSA=1000 %golc build -emit-llvm -o %t.ll %s
// RUN: FileCheck %s < %t.ll
// RUN: FileCheck --check-prefix=IR %s < %t.ll
// RUN: %check-prologues %t.ll | FileCheck --check-prefix=ALL %s
// RUN: env GOLC_MAXSSA=1000 %golc build -o %t %s
// RUN: llvm-nm-19 %t | FileCheck --check-prefix=NM %s
// RUN: %run %t 2>&1 | FileCheck --check-prefix=OUT %s
package main

var m = map[string][1000]byte{}

// the [1000]byte value lives in SSA registers: a big spill area
//go:noinline
func deep(n int) int {
	v := m["k"]
	v[n%1000] += byte(n)
	s := string(v[:])
	if n == 0 {
		return int(s[0])
	}
	return deep(n-1) + int(v[n%1000])
}

type quad struct{ a, b, c, d int }

type big struct{ p, q, r, s, t, u, v, w quad }

// its result comes through a big alloca in main
//go:noinline
func mk(n int) big {
	q := quad{n, n, n, n}
	return big{q, q, q, q, q, q, q, q}
}

func main() {
	var v [1000]byte
	v[0] = 7
	m["k"] = v
	println(deep(100), mk(3).w.d)
}

// CHECK-LABEL: define internal void @main.main.body()
// CHECK-NOT: @rt_morestack
// CHECK: ret void
// CHECK-LABEL: define{{( hidden)?}} void @main.main()
// CHECK: %sp = call i64 @llvm.read_register.i64
// CHECK-NEXT: %lim = sub i64 %sp, [[EST:[0-9]+]]
// CHECK-NEXT: %short = icmp ult i64 %lim, %guard
// CHECK: musttail call void @main.main.body() #[[LEAF:[0-9]+]]
// CHECK: @rt_morestack, i32 3, i32 0, ptr %ss.blk, ptr @golc.adapt.void___, i64 [[EST]],
// CHECK: attributes #[[LEAF]] = {{{.*}}"gc-leaf-function"

// IR-NOT: @main.deep.body

// ALL: check-prologues: {{[0-9]+}} functions checked

// NM-DAG: t main.deep.body
// NM-DAG: T main.deep
// NM-DAG: t main.main.body

// OUT: 5057 3
