// Slices and maps lower to runtime calls that are statepoints (they may
// allocate or panic), except runtime.memmove and runtime.decoderune (leaves).
// append grows only on the slow path; slice expressions check their bounds
// with runtime.panicSlice; map descriptors are emitted once per map type.
// RUN: %golc build -emit-llvm -o %t.ll %s
// RUN: FileCheck %s < %t.ll
package main

//go:noinline
func push(s []int, x int) []int { return append(s, x) }

//go:noinline
func sub(s []int, i, j int) []int { return s[i:j] }

//go:noinline
func get(m map[string]int, k string) int { return m[k] }

//go:noinline
func cp(d, s []byte) int { return copy(d, s) }

//go:noinline
func runes(s string) (n int) {
	for range s {
		n++
	}
	return
}

func main() {
	m := map[string]int{"a": 1}
	println(len(push(nil, 1)), len(sub([]int{1, 2}, 0, 1)), get(m, "a"), cp(nil, nil), runes("é"))
}

// CHECK-LABEL: define {{.*}}@main.push(
// CHECK: icmp ugt i64
// CHECK: append.grow:
// CHECK: gc.statepoint{{.*}}@runtime.growslice
// CHECK-LABEL: define {{.*}}@main.sub(
// CHECK: gc.statepoint{{.*}}@runtime.panicSlice
// CHECK-LABEL: define {{.*}}@main.get(
// CHECK: gc.statepoint{{.*}}@runtime.mapaccess_faststr{{.*}}@"mapdesc:map[string]int"
// CHECK-LABEL: define {{.*}}@main.cp(
// CHECK: call void @runtime.memmove({{.*}}) #[[LEAF:[0-9]+]]
// CHECK-LABEL: define {{.*}}@main.runes(
// CHECK: call { i32, i64 } @runtime.decoderune(
// CHECK: attributes #[[LEAF]] = { "gc-leaf-function" }
