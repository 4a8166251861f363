// Functions use the statepoint GC strategy with frame pointers; GC pointers
// are addrspace(1); every call is a statepoint whose ID indexes the
// module's call-site table, registered through the golc_modules section.
// RUN: %golc build -emit-llvm -o %t.ll %s
// RUN: FileCheck %s < %t.ll
// RUN: FileCheck --check-prefix=GLOB %s < %t.ll
package main

type T struct {
	next *T
	n    int
}

//go:noinline
func mk(n int) *T { return &T{nil, n} }

//go:noinline
func use(a, b *T) int { return a.n + b.n }

func main() {
	a := mk(1)
	b := mk(2)
	println(use(a, b))
}

// CHECK-LABEL: define {{.*}}ptr addrspace(1) @main.mk(i64
// CHECK-SAME: gc "statepoint-example"
// CHECK: gc.statepoint.p0(i64 {{[1-9][0-9]*}}, i32 0, ptr elementtype(ptr addrspace(1) (ptr)) @runtime.newobject
// CHECK-LABEL: define {{.*}}void @main.main()
// CHECK: gc.statepoint.p0(i64 [[ID1:[1-9][0-9]*]], {{.*}}@main.mk
// CHECK: gc.statepoint.p0(i64 [[ID2:[1-9][0-9]*]], {{.*}}@main.mk,{{.*}}"gc-live"(ptr addrspace(1)
// CHECK: gc.relocate
// GLOB: @golc.sitetab = private constant [{{[0-9]+}} x { i32, i32, i16, i16, i32 }]
// GLOB: @golc.moduleptr.main = internal constant ptr @golc.module.main, section "golc_modules"
// GLOB: attributes #{{[0-9]+}} = { {{.*}}"frame-pointer"="all"
