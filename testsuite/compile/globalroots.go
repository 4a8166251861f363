// The module descriptor lists the package-level variables that hold GC
// pointers, with one mask bit per word of their memory (goabi.h GoGlobal):
// pointer words of strings and slices, pointers, the data word of an
// interface (not its type word), and in-memory types laid out in place.
// Pointer-free variables get no entry. GOLC_DEBUG=globals prints the table.
// RUN: %golc build -emit-llvm -o %t.ll %s
// RUN: FileCheck %s < %t.ll
// RUN: %golc build -o %t %s
// RUN: env GOLC_DEBUG=globals %run %t 2>&1 | FileCheck --check-prefix=DBG %s
package main

var p *int
var s []string
var x int
var st struct {
	a int
	b *byte
}
var arr [3]*int
var e interface{}
var mix struct {
	s string  // word 0: pointer, 1: length
	i any     // word 2: type, 3: data
	f float64 // word 4
	m map[int]int
}
var big [70]*int // in memory (more than 64 scalars): 70 pointer words in place
var nums [100]int

// CHECK-DAG: @golc.gcmask.main.p = private constant [1 x i8] c"\01"
// CHECK-DAG: @golc.gcmask.main.s = private constant [1 x i8] c"\01"
// CHECK-DAG: @golc.gcmask.main.st = private constant [1 x i8] c"\02"
// CHECK-DAG: @golc.gcmask.main.arr = private constant [1 x i8] c"\07"
// CHECK-DAG: @golc.gcmask.main.e = private constant [1 x i8] c"\02"
// CHECK-DAG: @golc.gcmask.main.mix = private constant [1 x i8] c")"
// CHECK-DAG: @golc.gcmask.main.big = private constant [9 x i8] c"\FF\FF\FF\FF\FF\FF\FF\FF?"
// CHECK-NOT: @golc.gcmask.main.x =
// CHECK-NOT: @golc.gcmask.main.nums =
// CHECK: @golc.globals = private constant [7 x { ptr, i64, ptr }] [{ ptr, i64, ptr } { ptr @main.p, i64 8, ptr @golc.gcmask.main.p }, { ptr, i64, ptr } { ptr @main.s, i64 24, ptr @golc.gcmask.main.s }, { ptr, i64, ptr } { ptr @main.st, i64 16, ptr @golc.gcmask.main.st }, { ptr, i64, ptr } { ptr @main.arr, i64 24, ptr @golc.gcmask.main.arr }, { ptr, i64, ptr } { ptr @main.e, i64 16, ptr @golc.gcmask.main.e }, { ptr, i64, ptr } { ptr @main.mix, i64 48, ptr @golc.gcmask.main.mix }, { ptr, i64, ptr } { ptr @main.big, i64 560, ptr @golc.gcmask.main.big }]
// CHECK: @golc.module.main = internal constant { ptr, i64, ptr, i64, ptr, i64, i64, ptr } {{.*}}, i64 7, ptr @golc.globals }

// DBG: {{^}}globals: main 7 vars 80 pointer words{{$}}
// DBG: ok

func main() {
	y := 1
	p = &y
	s = []string{"a"}
	st.b = new(byte)
	arr[2] = p
	e = p
	mix.m = map[int]int{}
	big[69] = p
	println(*p+x+nums[0] == *big[69], "ok")
}
