// Type descriptors follow gc 1.19's layout (REFLECT.md): str is a nameOff
// relative to the descriptor, named types carry an uncommonType whose
// method table holds {name, mtyp, ifn, tfn} offsets, struct descriptors a
// fields slice into their own trailing array; names are {flag, uvarint len,
// bytes}; static conversions to non-empty interfaces use comdat itabs.
// RUN: %golc build -O0 -emit-llvm -o - %s | FileCheck %s
package main

type I interface{ M() int }

type T struct{ x int }

func (t T) M() int { return t.x }

type P struct{ s string }

func (p *P) M() int { return len(p.s) }

func use(i I) int { return i.M() }

func main() {
	println(use(T{3}), use(&P{"ab"}))
}

// CHECK-DAG: @"itab:main.T,main.I" = linkonce_odr{{( hidden)?}} constant { ptr, ptr, i32, i32, [1 x ptr] } { ptr @"type:main.I", ptr @"type:main.T", i32 {{-?[0-9]+}}, i32 0, [1 x ptr] [ptr @golc.ifn.main.T.M] }, comdat
// CHECK-DAG: @"itab:*main.P,main.I" = {{.*}}[1 x ptr] [ptr @"main.(*P).M"] }, comdat
// CHECK-DAG: @"type:main.T" = linkonce_odr{{( hidden)?}} constant {{.*}}ptr @golc.ifn.main.T.M{{.*}}ptr @main.T.M{{.*}}, ptr @"name:0x", ptr @"type:int", i64 0 }>, comdat, align 8
// CHECK-DAG: @"name:0main.T" = linkonce_odr{{( hidden)?}} constant [8 x i8] c"\00\06main.T", comdat
// CHECK-DAG: @"type:*main.P" = linkonce_odr{{( hidden)?}} constant {{.*}} i8 54, {{.*}}ptr @"type:main.P", {{.*}}i16 1, i16 1, i32 16
// CHECK-DAG: @"type:func() int" = {{.*}} i16 0, i16 1, i32 0, ptr @"type:int" }>
// CHECK-DAG: @"type:main.I" = {{.*}} i8 20, {{.*}}ptr null, ptr getelementptr (i8, ptr @"type:main.I", i64 96), i64 1, i64 1,
// CHECK: define internal {{.*}} @golc.ifn.main.T.M(ptr addrspace(1)
