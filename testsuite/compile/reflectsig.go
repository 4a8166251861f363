// The calling convention's contract with libffi (libruntime/reflectcall.c):
// results come back in registers only as one scalar or two of one class;
// two of different classes (and more than two) go through a leading result
// pointer. Every function whose address is taken names the descriptor of
// the signature reflect.call calls it by in its GoFuncInfo (receiver first;
// an ifn wrapper takes the receiver as an unsafe.Pointer), kept alive
// through the passes by llvm.compiler.used; functions only called directly
// name none. Unnamed composite types are listed in section golc_typelinks
// (reflect.typelinks: FuncOf, PtrTo, ... find the program's descriptors),
// and a named type with methods points at *T (ptrToThis).
// RUN: %golc build -emit-llvm -o - %s | FileCheck %s
package main

type T struct{ a int }

func (t T) M(x int) string        { return "" }
func pair() (int, int)             { return 1, 2 }
func mixed() (int, float64)        { return 1, 2 }
func fpair() (float32, float64)    { return 1, 2 }
//go:noinline
func direct(x int) int             { return x + 1 }

var fv = pair

type I interface{ M(int) string }

func main() {
	var i I = T{}
	println(i.M(1), direct(2), fv, mixed, fpair)
}

// CHECK-DAG: @llvm.compiler.used = appending global [{{[0-9]+}} x ptr] [ptr @"type:func() (float32, float64)", ptr @"type:func() (int, float64)", ptr @"type:func() (int, int)", ptr @"type:func(main.T, int) string", ptr @"type:func(unsafe.Pointer, int) string", ptr @"typelink:*main.T",
// CHECK-DAG: @"typelink:*main.T" = linkonce_odr{{( hidden)?}} constant ptr @"type:*main.T", section "golc_typelinks", comdat($"type:*main.T")
// CHECK-DAG: @"type:main.T" = {{.*}} i32 trunc (i64 sub (i64 ptrtoint (ptr @"type:*main.T" to i64), i64 ptrtoint (ptr @"type:main.T" to i64)) to i32),
// CHECK-DAG: { ptr @main.T.M, {{[^}]*}}, ptr @"type:func(main.T, int) string" }
// CHECK-DAG: { ptr @main.pair, {{[^}]*}}, ptr @"type:func() (int, int)" }
// CHECK-DAG: { ptr @main.direct, {{[^}]*}}, i64 0, ptr null }
// CHECK-DAG: { ptr @golc.ifn.main.T.M, {{[^}]*}}, ptr @"type:func(unsafe.Pointer, int) string" }
// CHECK-DAG: define{{( hidden)?}} { i64, i64 } @main.pair()
// CHECK-DAG: define{{( hidden)?}} void @main.mixed(ptr nocapture %0)
// CHECK-DAG: define{{( hidden)?}} { float, double } @main.fpair()
