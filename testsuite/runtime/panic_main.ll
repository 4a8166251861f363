; panic_main.ll: package main of the panic/traceback tests (emulates codegen
; output for panic.go below; panic_lib.ll is package example.com/lib).
; fail()'s twelve cases were written with a short Python loop, then kept as text.
;
;   3 func g() { h() }                       // inlined into f
;   4 func h() { panic("boom") }             // inlined into g
;   6 func f(n int) int {
;   7     if n == 0 {
;   8         if env("KIND", 0) == 0 { g() }
;   9         fail(env("KIND", 0))
;  10     }
;  11     return f(n-1) + 1
;  12 }
;  13 func fail(k int) { switch k { case 1: ... (line 13+k) } }
;  20 func main() {
;  22     println(lib.Run(env("DEPTH", 3), f))
;  23 }

%GoFuncInfo = type { ptr, ptr, ptr, i32, i32, i64, ptr }
%GoCallSite = type { i32, i32, i16, i16, i32 }
%GoModule = type { ptr, i64, ptr, i64, ptr, i64, i64, ptr }
%GoType = type { i64, i64, i32, i8, i8, i8, i8, ptr, ptr, i32, i32 }

@rt_curg = external thread_local(initialexec) global ptr

@type.string = constant %GoType { i64 16, i64 8, i32 0, i8 7, i8 8, i8 8, i8 24, ptr null, ptr null, i32 0, i32 0 }
@type.int = constant %GoType { i64 8, i64 0, i32 0, i8 7, i8 8, i8 8, i8 2, ptr null, ptr null, i32 0, i32 0 }
@type.int8 = constant %GoType { i64 1, i64 0, i32 0, i8 7, i8 1, i8 1, i8 3, ptr null, ptr null, i32 0, i32 0 }
@type.uint = constant %GoType { i64 8, i64 0, i32 0, i8 7, i8 8, i8 8, i8 7, ptr null, ptr null, i32 0, i32 0 }
@type.float64 = constant %GoType { i64 8, i64 0, i32 0, i8 7, i8 8, i8 8, i8 14, ptr null, ptr null, i32 0, i32 0 }
@type.complex128 = constant %GoType { i64 16, i64 0, i32 0, i8 7, i8 8, i8 8, i8 16, ptr null, ptr null, i32 0, i32 0 }
@type.bool = constant %GoType { i64 1, i64 0, i32 0, i8 7, i8 1, i8 1, i8 1, ptr null, ptr null, i32 0, i32 0 }
@type.ptrint = constant %GoType { i64 8, i64 8, i32 0, i8 0, i8 8, i8 8, i8 54, ptr null, ptr null, i32 0, i32 0 }

@s.boom = private constant [4 x i8] c"boom"
@v.str = constant { ptr, i64 } { ptr @s.boom, i64 4 }
@v.int = constant i64 42
@v.i8 = constant i8 -5
@v.u = constant i64 7
@v.f64 = constant double 1.5
@v.bool = constant i8 1
@v.c128 = constant { double, double } { double 1.0, double -2.5 }

@s.pkg = private constant [5 x i8] c"main\00"
@s.file = private constant [21 x i8] c"/work/test/panic.go\00\00"
@s.f = private constant [7 x i8] c"main.f\00"
@s.g = private constant [7 x i8] c"main.g\00"
@s.h = private constant [7 x i8] c"main.h\00"
@s.fail = private constant [10 x i8] c"main.fail\00"
@s.main = private constant [10 x i8] c"main.main\00"
@s.init = private constant [10 x i8] c"main.init\00"
@s.ad1 = private constant [19 x i8] c"main.adapt.i64.i64\00"
@s.ad2 = private constant [16 x i8] c"main.adapt.void\00"
@s.kind = private constant [5 x i8] c"KIND\00"
@s.depth = private constant [6 x i8] c"DEPTH\00"

@funcs = private constant [8 x %GoFuncInfo] [
  %GoFuncInfo { ptr @main.f, ptr @s.f, ptr @s.file, i32 6, i32 0, i64 0, ptr null },
  %GoFuncInfo { ptr null, ptr @s.g, ptr @s.file, i32 3, i32 4, i64 0, ptr null },
  %GoFuncInfo { ptr null, ptr @s.h, ptr @s.file, i32 4, i32 4, i64 0, ptr null },
  %GoFuncInfo { ptr @main.fail, ptr @s.fail, ptr @s.file, i32 13, i32 0, i64 0, ptr null },
  %GoFuncInfo { ptr @main.main, ptr @s.main, ptr @s.file, i32 20, i32 4, i64 0, ptr null },
  %GoFuncInfo { ptr @main.init, ptr @s.init, ptr @s.file, i32 0, i32 4, i64 0, ptr null },
  %GoFuncInfo { ptr @adapt.i64.i64, ptr @s.ad1, ptr @s.file, i32 0, i32 1, i64 0, ptr null },
  %GoFuncInfo { ptr @adapt.void, ptr @s.ad2, ptr @s.file, i32 0, i32 1, i64 0, ptr null }
]
@sites = private constant [23 x %GoCallSite] [
  %GoCallSite { i32 0, i32 0, i16 0, i16 0, i32 -1 },
  %GoCallSite { i32 0, i32 6, i16 0, i16 1, i32 -1 },
  %GoCallSite { i32 2, i32 4, i16 18, i16 0, i32 3 },
  %GoCallSite { i32 1, i32 3, i16 14, i16 0, i32 4 },
  %GoCallSite { i32 0, i32 8, i16 34, i16 0, i32 -1 },
  %GoCallSite { i32 0, i32 9, i16 7, i16 0, i32 -1 },
  %GoCallSite { i32 0, i32 11, i16 10, i16 0, i32 -1 },
  %GoCallSite { i32 6, i32 0, i16 0, i16 0, i32 -1 },
  %GoCallSite { i32 4, i32 20, i16 0, i16 1, i32 -1 },
  %GoCallSite { i32 4, i32 22, i16 17, i16 0, i32 -1 },
  %GoCallSite { i32 7, i32 0, i16 0, i16 0, i32 -1 },
  %GoCallSite { i32 3, i32 14, i16 2, i16 0, i32 -1 },
  %GoCallSite { i32 3, i32 15, i16 2, i16 0, i32 -1 },
  %GoCallSite { i32 3, i32 16, i16 2, i16 0, i32 -1 },
  %GoCallSite { i32 3, i32 17, i16 2, i16 0, i32 -1 },
  %GoCallSite { i32 3, i32 18, i16 2, i16 0, i32 -1 },
  %GoCallSite { i32 3, i32 19, i16 2, i16 0, i32 -1 },
  %GoCallSite { i32 3, i32 20, i16 2, i16 0, i32 -1 },
  %GoCallSite { i32 3, i32 21, i16 2, i16 0, i32 -1 },
  %GoCallSite { i32 3, i32 22, i16 2, i16 0, i32 -1 },
  %GoCallSite { i32 3, i32 23, i16 2, i16 0, i32 -1 },
  %GoCallSite { i32 3, i32 24, i16 2, i16 0, i32 -1 },
  %GoCallSite { i32 3, i32 25, i16 2, i16 0, i32 -1 }
]
@module = private constant %GoModule { ptr @s.pkg, i64 8, ptr @funcs, i64 23, ptr @sites, i64 64, i64 0, ptr null }
@module.ptr = private constant ptr @module, section "golc_modules", align 8
@llvm.used = appending global [1 x ptr] [ptr @module.ptr], section "llvm.metadata"

declare i64 @rt_morestack(ptr, ptr, i64)
declare void @runtime.gopanic(ptr, ptr addrspace(1)) noreturn
declare void @runtime.panicdivide() noreturn
declare void @runtime.panicmem() noreturn
declare void @runtime.panicshift() noreturn
declare void @runtime.goPanicIndex(i64, i64) noreturn
declare void @runtime.printlock()
declare void @runtime.printunlock()
declare void @runtime.printint(i64)
declare void @runtime.printnl()
declare i64 @test_env_int(ptr, i64)
declare i64 @llvm.read_register.i64(metadata)
declare i64 @"example.com/lib.Run"(i64, ptr)

define weak void @gc.safepoint_poll() {
  ret void
}

define i64 @main.f(i64 %n) #0 gc "statepoint-example" {
entry:
  %blk = alloca { ptr, i64, i64 }
  %g = load ptr, ptr @rt_curg
  %guard = load i64, ptr %g
  %sp = call i64 @llvm.read_register.i64(metadata !0)
  %short = icmp ult i64 %sp, %guard
  br i1 %short, label %more, label %body, !prof !1
more:
  store ptr @main.f, ptr %blk
  %a1 = getelementptr { ptr, i64, i64 }, ptr %blk, i32 0, i32 1
  store i64 %n, ptr %a1
  %ran = call i64 @rt_morestack(ptr %blk, ptr @adapt.i64.i64, i64 0) #1
  %n.re = load i64, ptr %a1
  %ok = icmp ne i64 %ran, 0
  br i1 %ok, label %done, label %body
done:
  %rp = getelementptr { ptr, i64, i64 }, ptr %blk, i32 0, i32 2
  %res = load i64, ptr %rp
  ret i64 %res
body:
  %nn = phi i64 [ %n, %entry ], [ %n.re, %more ]
  %z = icmp eq i64 %nn, 0
  br i1 %z, label %bottom, label %recur
bottom:
  %k = call i64 @test_env_int(ptr @s.kind, i64 0) #9
  %k0 = icmp eq i64 %k, 0
  br i1 %k0, label %boom, label %other
boom:
  call void @runtime.gopanic(ptr @type.string, ptr addrspace(1) addrspacecast (ptr @v.str to ptr addrspace(1))) #2
  unreachable
other:
  call void @main.fail(i64 %k) #5
  ret i64 0
recur:
  %n1 = sub i64 %nn, 1
  %r = call i64 @main.f(i64 %n1) #6
  %t = add i64 %r, 1
  ret i64 %t
}

define void @main.fail(i64 %k) #0 gc "statepoint-example" {
entry:
  switch i64 %k, label %none [
    i64 1, label %k1
    i64 2, label %k2
    i64 3, label %k3
    i64 4, label %k4
    i64 5, label %k5
    i64 6, label %k6
    i64 7, label %k7
    i64 8, label %k8
    i64 9, label %k9
    i64 10, label %k10
    i64 11, label %k11
    i64 12, label %k12
  ]
k1:
  call void @runtime.panicdivide() #11
  unreachable
k2:
  call void @runtime.panicmem() #12
  unreachable
k3:
  call void @runtime.panicshift() #13
  unreachable
k4:
  call void @runtime.goPanicIndex(i64 5, i64 3) #14
  unreachable
k5:
  call void @runtime.gopanic(ptr @type.int, ptr addrspace(1) addrspacecast (ptr @v.int to ptr addrspace(1))) #15
  unreachable
k6:
  call void @runtime.gopanic(ptr @type.float64, ptr addrspace(1) addrspacecast (ptr @v.f64 to ptr addrspace(1))) #16
  unreachable
k7:
  call void @runtime.gopanic(ptr @type.bool, ptr addrspace(1) addrspacecast (ptr @v.bool to ptr addrspace(1))) #17
  unreachable
k8:
  call void @runtime.gopanic(ptr null, ptr addrspace(1) null) #18
  unreachable
k9:
  call void @runtime.gopanic(ptr @type.ptrint, ptr addrspace(1) addrspacecast (ptr @v.int to ptr addrspace(1))) #19
  unreachable
k10:
  call void @runtime.gopanic(ptr @type.complex128, ptr addrspace(1) addrspacecast (ptr @v.c128 to ptr addrspace(1))) #20
  unreachable
k11:
  call void @runtime.gopanic(ptr @type.int8, ptr addrspace(1) addrspacecast (ptr @v.i8 to ptr addrspace(1))) #21
  unreachable
k12:
  call void @runtime.gopanic(ptr @type.uint, ptr addrspace(1) addrspacecast (ptr @v.u to ptr addrspace(1))) #22
  unreachable
none:
  ret void
}

define void @main.main() #0 gc "statepoint-example" {
entry:
  %blk = alloca { ptr }
  %g = load ptr, ptr @rt_curg
  %guard = load i64, ptr %g
  %sp = call i64 @llvm.read_register.i64(metadata !0)
  %short = icmp ult i64 %sp, %guard
  br i1 %short, label %more, label %body, !prof !1
more:
  store ptr @main.main, ptr %blk
  %ran = call i64 @rt_morestack(ptr %blk, ptr @adapt.void, i64 0) #8
  %ok = icmp ne i64 %ran, 0
  br i1 %ok, label %done, label %body
done:
  ret void
body:
  %n = call i64 @test_env_int(ptr @s.depth, i64 3) #9
  %r = call i64 @"example.com/lib.Run"(i64 %n, ptr @main.f) #3
  call void @runtime.printlock() #9
  call void @runtime.printint(i64 %r) #9
  call void @runtime.printnl() #9
  call void @runtime.printunlock() #9
  ret void
}

define void @main.init() #0 gc "statepoint-example" {
  ret void
}

define internal void @adapt.i64.i64(ptr %blk) #0 gc "statepoint-example" {
  %fn = load ptr, ptr %blk
  %a1 = getelementptr { ptr, i64, i64 }, ptr %blk, i32 0, i32 1
  %n = load i64, ptr %a1
  %r = call i64 %fn(i64 %n) #7
  %rp = getelementptr { ptr, i64, i64 }, ptr %blk, i32 0, i32 2
  store i64 %r, ptr %rp
  ret void
}

define internal void @adapt.void(ptr %blk) #0 gc "statepoint-example" {
  %fn = load ptr, ptr %blk
  call void %fn() #10
  ret void
}

attributes #0 = { noinline "frame-pointer"="all" }
attributes #1 = { "statepoint-id"="1" }
attributes #2 = { "statepoint-id"="2" }
attributes #3 = { "statepoint-id"="9" }
attributes #5 = { "statepoint-id"="5" }
attributes #6 = { "statepoint-id"="6" }
attributes #7 = { "statepoint-id"="7" }
attributes #8 = { "statepoint-id"="8" }
attributes #9 = { "gc-leaf-function" }
attributes #10 = { "statepoint-id"="10" }
attributes #11 = { "statepoint-id"="11" }
attributes #12 = { "statepoint-id"="12" }
attributes #13 = { "statepoint-id"="13" }
attributes #14 = { "statepoint-id"="14" }
attributes #15 = { "statepoint-id"="15" }
attributes #16 = { "statepoint-id"="16" }
attributes #17 = { "statepoint-id"="17" }
attributes #18 = { "statepoint-id"="18" }
attributes #19 = { "statepoint-id"="19" }
attributes #20 = { "statepoint-id"="20" }
attributes #21 = { "statepoint-id"="21" }
attributes #22 = { "statepoint-id"="22" }

!0 = !{!"@SP@"}
!1 = !{!"branch_weights", i32 1, i32 2000}
