; badroot.ll: GOLC_GCSTRESS must reject a GC root that points into a heap
; chunk but not into an allocated object, and accept interior and static
; pointers.
;
;   5 func main() {
;   6     p := new(node)
;   7     x := (*node)(unsafe.Pointer(uintptr(unsafe.Pointer(p)) + off))  // off = BAD ? 1 MB : 8
;   8     q := new(node)       // x and s live across this allocation
;   9     q.next, q.v = x, len(s.name)
;  10     println("ok")
;  11 }

%GoFuncInfo = type { ptr, ptr, ptr, i32, i32, i64, ptr }
%GoCallSite = type { i32, i32, i16, i16, i32 }
%GoModule = type { ptr, i64, ptr, i64, ptr, i64, i64, ptr }
%GoType = type { i64, i64, i32, i8, i8, i8, i8, ptr, ptr, i32, i32 }
%node = type { i64, ptr addrspace(1) }

@mask.node = constant [1 x i8] c"\02"
@type.node = constant %GoType { i64 16, i64 16, i32 0, i8 0, i8 8, i8 8, i8 25, ptr null, ptr @mask.node, i32 0, i32 0 }
@static = global %node zeroinitializer
@slot = global i64 0
@sslot = global ptr addrspace(1) addrspacecast (ptr @static to ptr addrspace(1))

@s.pkg = private constant [5 x i8] c"main\00"
@s.file = private constant [23 x i8] c"/work/test/badroot.go\00\00"
@s.main = private constant [10 x i8] c"main.main\00"
@s.init = private constant [10 x i8] c"main.init\00"
@s.bad = private constant [4 x i8] c"BAD\00"
@s.ok = private constant [2 x i8] c"ok"

@funcs = private constant [2 x %GoFuncInfo] [
  %GoFuncInfo { ptr @main.main, ptr @s.main, ptr @s.file, i32 5, i32 4, i64 0, ptr null },
  %GoFuncInfo { ptr @main.init, ptr @s.init, ptr @s.file, i32 0, i32 4, i64 0, ptr null }
]
@sites = private constant [3 x %GoCallSite] [
  %GoCallSite { i32 0, i32 0, i16 0, i16 0, i32 -1 },
  %GoCallSite { i32 0, i32 6, i16 10, i16 0, i32 -1 },
  %GoCallSite { i32 0, i32 8, i16 10, i16 0, i32 -1 }
]
@module = private constant %GoModule { ptr @s.pkg, i64 2, ptr @funcs, i64 3, ptr @sites, i64 64, i64 0, ptr null }
@module.ptr = private constant ptr @module, section "golc_modules", align 8
@llvm.used = appending global [1 x ptr] [ptr @module.ptr], section "llvm.metadata"

declare ptr addrspace(1) @runtime.newobject(ptr)
declare void @runtime.printstring(ptr, i64)
declare void @runtime.printnl()
declare i64 @test_env_int(ptr, i64)

define weak void @gc.safepoint_poll() {
  ret void
}

define void @main.main() #0 gc "statepoint-example" {
entry:
  %p = call ptr addrspace(1) @runtime.newobject(ptr @type.node) #1
  %bad = call i64 @test_env_int(ptr @s.bad, i64 0) #9
  %isbad = icmp ne i64 %bad, 0
  %off = select i1 %isbad, i64 1048576, i64 8
  %pi = ptrtoint ptr addrspace(1) %p to i64
  %xi = add i64 %pi, %off
  store volatile i64 %xi, ptr @slot
  %x = load volatile ptr addrspace(1), ptr @slot
  %s = load volatile ptr addrspace(1), ptr @sslot
  %q = call ptr addrspace(1) @runtime.newobject(ptr @type.node) #2
  %qn = getelementptr %node, ptr addrspace(1) %q, i32 0, i32 1
  store ptr addrspace(1) %x, ptr addrspace(1) %qn
  %sv = load volatile i64, ptr addrspace(1) %s
  store i64 %sv, ptr addrspace(1) %q
  call void @runtime.printstring(ptr @s.ok, i64 2) #9
  call void @runtime.printnl() #9
  ret void
}

define void @main.init() #0 gc "statepoint-example" {
  ret void
}

attributes #0 = { noinline "frame-pointer"="all" }
attributes #1 = { "statepoint-id"="1" }
attributes #2 = { "statepoint-id"="2" }
attributes #9 = { "gc-leaf-function" }
