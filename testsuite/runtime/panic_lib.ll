; panic_lib.ll: package example.com/lib for the panic/traceback tests: a
; second module and a second stack-map table in the same program.
;
;   3 func Run(n int, f func(int) int) int {
;   4     return f(n) * 2
;   5 }

%GoFuncInfo = type { ptr, ptr, ptr, i32, i32, i64, ptr }
%GoCallSite = type { i32, i32, i16, i16, i32 }
%GoModule = type { ptr, i64, ptr, i64, ptr, i64, i64, ptr }

@rt_curg = external thread_local(initialexec) global ptr

@s.pkg = private constant [16 x i8] c"example.com/lib\00"
@s.file = private constant [23 x i8] c"/work/test/lib/lib.go\00\00"
@s.run = private constant [20 x i8] c"example.com/lib.Run\00"
@s.ad = private constant [31 x i8] c"example.com/lib.adapt.i64.i64p\00"

@funcs = private constant [2 x %GoFuncInfo] [
  %GoFuncInfo { ptr @"example.com/lib.Run", ptr @s.run, ptr @s.file, i32 3, i32 0, i64 0, ptr null },
  %GoFuncInfo { ptr @adapt.i64.i64p, ptr @s.ad, ptr @s.file, i32 0, i32 1, i64 0, ptr null }
]
@sites = private constant [4 x %GoCallSite] [
  %GoCallSite { i32 0, i32 0, i16 0, i16 0, i32 -1 },
  %GoCallSite { i32 0, i32 3, i16 0, i16 1, i32 -1 },
  %GoCallSite { i32 0, i32 4, i16 10, i16 0, i32 -1 },
  %GoCallSite { i32 1, i32 0, i16 0, i16 0, i32 -1 }
]
@module = private constant %GoModule { ptr @s.pkg, i64 2, ptr @funcs, i64 4, ptr @sites, i64 64, i64 0, ptr null }
@module.ptr = private constant ptr @module, section "golc_modules", align 8
@llvm.used = appending global [1 x ptr] [ptr @module.ptr], section "llvm.metadata"

declare i64 @rt_morestack(ptr, ptr, i64)
declare i64 @llvm.read_register.i64(metadata)

define weak void @gc.safepoint_poll() {
  ret void
}

define i64 @"example.com/lib.Run"(i64 %n, ptr %f) #0 gc "statepoint-example" {
entry:
  %blk = alloca { ptr, i64, ptr, i64 }
  %g = load ptr, ptr @rt_curg
  %guard = load i64, ptr %g
  %sp = call i64 @llvm.read_register.i64(metadata !0)
  %short = icmp ult i64 %sp, %guard
  br i1 %short, label %more, label %body, !prof !1
more:
  store ptr @"example.com/lib.Run", ptr %blk
  %a1 = getelementptr { ptr, i64, ptr, i64 }, ptr %blk, i32 0, i32 1
  store i64 %n, ptr %a1
  %a2 = getelementptr { ptr, i64, ptr, i64 }, ptr %blk, i32 0, i32 2
  store ptr %f, ptr %a2
  %ran = call i64 @rt_morestack(ptr %blk, ptr @adapt.i64.i64p, i64 0) #1
  %n.re = load i64, ptr %a1
  %f.re = load ptr, ptr %a2
  %ok = icmp ne i64 %ran, 0
  br i1 %ok, label %done, label %body
done:
  %rp = getelementptr { ptr, i64, ptr, i64 }, ptr %blk, i32 0, i32 3
  %res = load i64, ptr %rp
  ret i64 %res
body:
  %nn = phi i64 [ %n, %entry ], [ %n.re, %more ]
  %ff = phi ptr [ %f, %entry ], [ %f.re, %more ]
  %r = call i64 %ff(i64 %nn) #2
  %t = mul i64 %r, 2
  ret i64 %t
}

define internal void @adapt.i64.i64p(ptr %blk) #0 gc "statepoint-example" {
  %fn = load ptr, ptr %blk
  %a1 = getelementptr { ptr, i64, ptr, i64 }, ptr %blk, i32 0, i32 1
  %n = load i64, ptr %a1
  %a2 = getelementptr { ptr, i64, ptr, i64 }, ptr %blk, i32 0, i32 2
  %f = load ptr, ptr %a2
  %r = call i64 %fn(i64 %n, ptr %f) #3
  %rp = getelementptr { ptr, i64, ptr, i64 }, ptr %blk, i32 0, i32 3
  store i64 %r, ptr %rp
  ret void
}

attributes #0 = { noinline "frame-pointer"="all" }
attributes #1 = { "statepoint-id"="1" }
attributes #2 = { "statepoint-id"="2" }
attributes #3 = { "statepoint-id"="3" }

!0 = !{!"@SP@"}
!1 = !{!"branch_weights", i32 1, i32 2000}
