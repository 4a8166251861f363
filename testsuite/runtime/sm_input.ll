; sm_input.ll: statepoints with known IDs and GC values for test_stackmap.c
; (run through rewrite-statepoints-for-gc, then llc-19).
;   101 sm_none     nothing live                      -> 0 roots
;   102 sm_two      a, b live across the call         -> 2 roots
;   103 sm_derived  only a derived pointer a+8 live   -> 1 root (base a, derived a+8)
;   104 sm_alloc    call returning a GC pointer       -> 0 roots
;   105 sm_alloc    the result live across a call     -> 1 root

declare void @ext()
declare ptr addrspace(1) @alloc()

define weak void @gc.safepoint_poll() {
  ret void
}

define void @sm_none() #0 gc "statepoint-example" {
  call void @ext() #101
  ret void
}

define i64 @sm_two(ptr addrspace(1) %a, ptr addrspace(1) %b) #0 gc "statepoint-example" {
  call void @ext() #102
  %x = load i64, ptr addrspace(1) %a
  %y = load i64, ptr addrspace(1) %b
  %s = add i64 %x, %y
  ret i64 %s
}

define i64 @sm_derived(ptr addrspace(1) %a) #0 gc "statepoint-example" {
  %d = getelementptr i64, ptr addrspace(1) %a, i64 1
  call void @ext() #103
  %v = load i64, ptr addrspace(1) %d
  ret i64 %v
}

define ptr addrspace(1) @sm_alloc() #0 gc "statepoint-example" {
  %p = call ptr addrspace(1) @alloc() #104
  call void @ext() #105
  ret ptr addrspace(1) %p
}

attributes #0 = { noinline "frame-pointer"="all" }
attributes #101 = { "statepoint-id"="101" }
attributes #102 = { "statepoint-id"="102" }
attributes #103 = { "statepoint-id"="103" }
attributes #104 = { "statepoint-id"="104" }
attributes #105 = { "statepoint-id"="105" }
