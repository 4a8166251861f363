; deep.ll: deep recursion over many stack segments with GC pointers live in
; every frame (emulates codegen output for deep.go below).
;
;   5 func rec(n int, p *node) int {
;   6     q := new(node)
;   7     q.v, q.next = n, p
;   8     if n == 0 { return sum(q) }
;   9     return rec(n-1, q) + q.v
;  10 }
;  11 func sum(p *node) (s int) { for ; p != nil; p = p.next { s += p.v }; return }
;  13 func main() {
;  14     n := env("DEPTH", 100000)
;  15     if env("PREEMPT", 0) != 0 { poison g.stackguard }
;  16     println(rec(n, nil))
;  17 }
; Expected output: n*(n+1).

%GoFuncInfo = type { ptr, ptr, ptr, i32, i32, i64, ptr }
%GoCallSite = type { i32, i32, i16, i16, i32 }
%GoModule = type { ptr, i64, ptr, i64, ptr, i64, i64, ptr }
%GoType = type { i64, i64, i32, i8, i8, i8, i8, ptr, ptr, i32, i32 }
%node = type { i64, ptr addrspace(1) }

@rt_curg = external thread_local(initialexec) global ptr

@mask.node = constant [1 x i8] c"\02"
@type.node = constant %GoType { i64 16, i64 16, i32 0, i8 0, i8 8, i8 8, i8 25, ptr null, ptr @mask.node, i32 0, i32 0 }

@s.pkg = private constant [5 x i8] c"main\00"
@s.file = private constant [21 x i8] c"/work/test/deep.go\00\00\00"
@s.rec = private constant [9 x i8] c"main.rec\00"
@s.sum = private constant [9 x i8] c"main.sum\00"
@s.main = private constant [10 x i8] c"main.main\00"
@s.init = private constant [10 x i8] c"main.init\00"
@s.ad1 = private constant [20 x i8] c"main.adapt.i64.i64p\00"
@s.ad2 = private constant [16 x i8] c"main.adapt.void\00"
@s.depth = private constant [6 x i8] c"DEPTH\00"
@s.preempt = private constant [8 x i8] c"PREEMPT\00"

@funcs = private constant [6 x %GoFuncInfo] [
  %GoFuncInfo { ptr @main.rec, ptr @s.rec, ptr @s.file, i32 5, i32 0, i64 0, ptr null },
  %GoFuncInfo { ptr @main.sum, ptr @s.sum, ptr @s.file, i32 11, i32 0, i64 0, ptr null },
  %GoFuncInfo { ptr @main.main, ptr @s.main, ptr @s.file, i32 13, i32 4, i64 0, ptr null },
  %GoFuncInfo { ptr @main.init, ptr @s.init, ptr @s.file, i32 0, i32 4, i64 0, ptr null },
  %GoFuncInfo { ptr @adapt.i64.i64p, ptr @s.ad1, ptr @s.file, i32 0, i32 1, i64 0, ptr null },
  %GoFuncInfo { ptr @adapt.void, ptr @s.ad2, ptr @s.file, i32 0, i32 1, i64 0, ptr null }
]
@sites = private constant [9 x %GoCallSite] [
  %GoCallSite { i32 0, i32 0, i16 0, i16 0, i32 -1 },
  %GoCallSite { i32 0, i32 5, i16 0, i16 1, i32 -1 },
  %GoCallSite { i32 0, i32 6, i16 7, i16 0, i32 -1 },
  %GoCallSite { i32 0, i32 9, i16 12, i16 0, i32 -1 },
  %GoCallSite { i32 4, i32 0, i16 0, i16 0, i32 -1 },
  %GoCallSite { i32 0, i32 8, i16 22, i16 0, i32 -1 },
  %GoCallSite { i32 2, i32 16, i16 13, i16 0, i32 -1 },
  %GoCallSite { i32 2, i32 13, i16 0, i16 1, i32 -1 },
  %GoCallSite { i32 5, i32 0, i16 0, i16 0, i32 -1 }
]
@module = private constant %GoModule { ptr @s.pkg, i64 6, ptr @funcs, i64 9, ptr @sites, i64 64, i64 0, ptr null }
@module.ptr = private constant ptr @module, section "golc_modules", align 8
@llvm.used = appending global [1 x ptr] [ptr @module.ptr], section "llvm.metadata"

declare i64 @rt_morestack(ptr, ptr, i64)
declare ptr addrspace(1) @runtime.newobject(ptr)
declare void @runtime.printlock()
declare void @runtime.printunlock()
declare void @runtime.printint(i64)
declare void @runtime.printnl()
declare i64 @test_env_int(ptr, i64)
declare i64 @llvm.read_register.i64(metadata)

define weak void @gc.safepoint_poll() {
  ret void
}

define i64 @main.rec(i64 %n, ptr addrspace(1) %p) #0 gc "statepoint-example" {
entry:
  %blk = alloca { ptr, i64, ptr addrspace(1), i64 }
  %g = load ptr, ptr @rt_curg
  %guard = load i64, ptr %g
  %sp = call i64 @llvm.read_register.i64(metadata !0)
  %short = icmp ult i64 %sp, %guard
  br i1 %short, label %more, label %body, !prof !1
more:
  store ptr @main.rec, ptr %blk
  %a1 = getelementptr { ptr, i64, ptr addrspace(1), i64 }, ptr %blk, i32 0, i32 1
  store i64 %n, ptr %a1
  %a2 = getelementptr { ptr, i64, ptr addrspace(1), i64 }, ptr %blk, i32 0, i32 2
  store ptr addrspace(1) %p, ptr %a2
  %ran = call i64 @rt_morestack(ptr %blk, ptr @adapt.i64.i64p, i64 0) #1
  %n.re = load i64, ptr %a1
  %ok = icmp ne i64 %ran, 0
  br i1 %ok, label %done, label %body
done:
  %rp = getelementptr { ptr, i64, ptr addrspace(1), i64 }, ptr %blk, i32 0, i32 3
  %res = load i64, ptr %rp
  ret i64 %res
body:
  %nn = phi i64 [ %n, %entry ], [ %n.re, %more ]
  %q = call ptr addrspace(1) @runtime.newobject(ptr @type.node) #2
  store i64 %nn, ptr addrspace(1) %q
  %qn = getelementptr %node, ptr addrspace(1) %q, i32 0, i32 1
  store ptr addrspace(1) %p, ptr addrspace(1) %qn
  %z = icmp eq i64 %nn, 0
  br i1 %z, label %leaf, label %recur
leaf:
  %s = call i64 @main.sum(ptr addrspace(1) %q) #5
  ret i64 %s
recur:
  %n1 = sub i64 %nn, 1
  %r = call i64 @main.rec(i64 %n1, ptr addrspace(1) %q) #3
  %v = load i64, ptr addrspace(1) %q
  %t = add i64 %r, %v
  ret i64 %t
}

define i64 @main.sum(ptr addrspace(1) %p) #0 gc "statepoint-example" {
entry:
  br label %loop
loop:
  %cur = phi ptr addrspace(1) [ %p, %entry ], [ %next, %body ]
  %acc = phi i64 [ 0, %entry ], [ %acc2, %body ]
  %isnil = icmp eq ptr addrspace(1) %cur, null
  br i1 %isnil, label %exit, label %body
body:
  %v = load i64, ptr addrspace(1) %cur
  %acc2 = add i64 %acc, %v
  %np = getelementptr %node, ptr addrspace(1) %cur, i32 0, i32 1
  %next = load ptr addrspace(1), ptr addrspace(1) %np
  br label %loop
exit:
  ret i64 %acc
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
  %ran = call i64 @rt_morestack(ptr %blk, ptr @adapt.void, i64 0) #7
  %ok = icmp ne i64 %ran, 0
  br i1 %ok, label %done, label %body
done:
  ret void
body:
  %n = call i64 @test_env_int(ptr @s.depth, i64 100000) #9
  %pre = call i64 @test_env_int(ptr @s.preempt, i64 0) #9
  %dopre = icmp ne i64 %pre, 0
  br i1 %dopre, label %poison, label %run
poison:
  %g2 = load ptr, ptr @rt_curg
  store volatile i64 -1314, ptr %g2
  br label %run
run:
  %r = call i64 @main.rec(i64 %n, ptr addrspace(1) null) #6
  call void @runtime.printlock() #9
  call void @runtime.printint(i64 %r) #9
  call void @runtime.printnl() #9
  call void @runtime.printunlock() #9
  ret void
}

define void @main.init() #0 gc "statepoint-example" {
  ret void
}

define internal void @adapt.i64.i64p(ptr %blk) #0 gc "statepoint-example" {
  %fn = load ptr, ptr %blk
  %a1 = getelementptr { ptr, i64, ptr addrspace(1), i64 }, ptr %blk, i32 0, i32 1
  %n = load i64, ptr %a1
  %a2 = getelementptr { ptr, i64, ptr addrspace(1), i64 }, ptr %blk, i32 0, i32 2
  %p = load ptr addrspace(1), ptr %a2
  %r = call i64 %fn(i64 %n, ptr addrspace(1) %p) #4
  %rp = getelementptr { ptr, i64, ptr addrspace(1), i64 }, ptr %blk, i32 0, i32 3
  store i64 %r, ptr %rp
  ret void
}

define internal void @adapt.void(ptr %blk) #0 gc "statepoint-example" {
  %fn = load ptr, ptr %blk
  call void %fn() #8
  ret void
}

attributes #0 = { noinline "frame-pointer"="all" }
attributes #1 = { "statepoint-id"="1" }
attributes #2 = { "statepoint-id"="2" }
attributes #3 = { "statepoint-id"="3" }
attributes #4 = { "statepoint-id"="4" }
attributes #5 = { "statepoint-id"="5" }
attributes #6 = { "statepoint-id"="6" }
attributes #7 = { "statepoint-id"="7" }
attributes #8 = { "statepoint-id"="8" }
attributes #9 = { "gc-leaf-function" }

!0 = !{!"@SP@"}
!1 = !{!"branch_weights", i32 1, i32 2000}
