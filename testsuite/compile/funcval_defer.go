// Func values pass the funcval as the last, `nest` argument (r10 / x18);
// closures declare it; functions with defer link a record and call
// rt_setjmp with returns_twice + gc-leaf on the call site, and their
// deferred calls are pushed as GoDefers run by a deferwrap thunk.
// RUN: %golc build -emit-llvm -o - %s | FileCheck %s
package main

//go:noinline
func apply(f func(int) int, x int) int { return f(x) }

// CHECK-LABEL: define {{.*}}i64 @main.apply(
// CHECK: gc.statepoint{{.*}}, ptr addrspace(1) nest {{.*}}%

func adder(k int) func(int) int {
	return func(x int) int { return x + k }
}

// CHECK-LABEL: define {{.*}}i64 @main.adder.func1(i64 {{.*}}, ptr addrspace(1) nest

//go:noinline
func withdefer() (r int) {
	defer func() { r++ }()
	return 41
}

// CHECK-LABEL: define {{.*}}i64 @main.withdefer(
// CHECK: call i32 @rt_setjmp(ptr {{.*}}) #[[SJ:[0-9]+]]
// CHECK-LABEL: define internal void @main.withdefer.deferwrap1(ptr addrspace(1) nest
// CHECK: attributes #[[SJ]] = {{{.*}}returns_twice{{.*}}"gc-leaf-function"

func main() {
	println(apply(adder(1), 2), withdefer())
}
