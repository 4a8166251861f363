; unknownfn.ll: a stack-map record in a function that no module lists must
; stop the program at startup with
;   fatal error: stackmap record for unknown function

%GoFuncInfo = type { ptr, ptr, ptr, i32, i32, i64, ptr }
%GoCallSite = type { i32, i32, i16, i16, i32 }
%GoModule = type { ptr, i64, ptr, i64, ptr, i64, i64, ptr }
%GoType = type { i64, i64, i32, i8, i8, i8, i8, ptr, ptr, i32, i32 }

@type.int = constant %GoType { i64 8, i64 0, i32 0, i8 7, i8 8, i8 8, i8 2, ptr null, ptr null, i32 0, i32 0 }
@s.pkg = private constant [5 x i8] c"main\00"
@s.file = private constant [25 x i8] c"/work/test/unknownfn.go\00\00"
@s.main = private constant [10 x i8] c"main.main\00"
@s.init = private constant [10 x i8] c"main.init\00"

@funcs = private constant [2 x %GoFuncInfo] [
  %GoFuncInfo { ptr @main.main, ptr @s.main, ptr @s.file, i32 3, i32 4, i64 0, ptr null },
  %GoFuncInfo { ptr @main.init, ptr @s.init, ptr @s.file, i32 0, i32 4, i64 0, ptr null }
]
@sites = private constant [3 x %GoCallSite] [
  %GoCallSite { i32 0, i32 0, i16 0, i16 0, i32 -1 },
  %GoCallSite { i32 0, i32 4, i16 2, i16 0, i32 -1 },
  %GoCallSite { i32 0, i32 4, i16 2, i16 0, i32 -1 }
]
@module = private constant %GoModule { ptr @s.pkg, i64 2, ptr @funcs, i64 3, ptr @sites, i64 64, i64 0, ptr null }
@module.ptr = private constant ptr @module, section "golc_modules", align 8
@llvm.used = appending global [1 x ptr] [ptr @module.ptr], section "llvm.metadata"

declare ptr addrspace(1) @runtime.newobject(ptr)

define weak void @gc.safepoint_poll() {
  ret void
}

define void @main.main() #0 gc "statepoint-example" {
  call void @main.unlisted() #1
  ret void
}

define void @main.unlisted() #0 gc "statepoint-example" {
  %p = call ptr addrspace(1) @runtime.newobject(ptr @type.int) #2
  store volatile i64 1, ptr addrspace(1) %p
  ret void
}

define void @main.init() #0 gc "statepoint-example" {
  ret void
}

attributes #0 = { noinline "frame-pointer"="all" }
attributes #1 = { "statepoint-id"="1" }
attributes #2 = { "statepoint-id"="2" }
