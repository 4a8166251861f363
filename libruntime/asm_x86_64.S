/*
 * asm_x86_64.S: stack switching and Go entry trampolines (SysV x86-64).
 *
 * TLS (initial-exec): rt_curg (G *), rt_g0sp (this thread's system-stack
 * top), rt_onsys (nonzero while this thread runs on its system stack).
 * See stack.c for the segment design and goabi.h for the contracts.
 */
#include "rt.h"

        .text

.macro TLSREG reg, sym
        movq    \sym@GOTTPOFF(%rip), \reg
.endm

/* RECORD_CALLER g: at a function's entry, the Go caller's {sp, ra, fp} into
 * g->sched (g a register holding rt_curg; %rax is clobbered) */
.macro RECORD_CALLER g
        leaq    8(%rsp), %rax
        movq    %rax, RT_G_SCHED_SP(\g)
        movq    (%rsp), %rax
        movq    %rax, RT_G_SCHED_RA(\g)
        movq    %rbp, RT_G_SCHED_FP(\g)
.endm

/*
 * RT_GOENTRY sym, body: the Go-visible entry `sym` records the Go caller's
 * {sp, ra, fp} in rt_curg->sched, then tail-jumps to the C body with the
 * argument registers untouched (only %rax and %r11 are used).
 */
.macro RT_GOENTRY sym, body
        .globl  \sym
        .type   \sym,@function
        .p2align 4
\sym:
        TLSREG  %r11, rt_curg
        movq    %fs:(%r11), %r11
        testq   %r11, %r11
        jz      1f
        RECORD_CALLER %r11
1:      jmp     \body
        .size   \sym, .-\sym
.endm

#include "goentries.inc"

/*
 * uint64_t rt_morestack(void *blk, void (*adapter)(void *), uint64_t est)
 * Called from a prologue slow path: (%rsp) = RA into f, f's SP = %rsp + 8,
 * %rbp = f's FP. Returns 1 after adapter(blk) ran f on a new segment, 0 if
 * only a preemption request was served. Callee-saved registers survive.
 */
        .globl  rt_morestack
        .type   rt_morestack,@function
        .p2align 4
rt_morestack:
        movq    %rsp, %rax                      /* &old_ra; old_sp = %rax + 8 */
        TLSREG  %r11, rt_g0sp
        movq    %fs:(%r11), %rsp                /* -> system stack */
        pushq   %rax                            /* old rsp */
        pushq   %rsi                            /* adapter */
        pushq   %rdi                            /* blk */
        pushq   %rbp                            /* (keeps 16-byte alignment) */
        movq    %rdx, %rsi                      /* est */
        leaq    8(%rax), %rdx                   /* old_sp */
        movq    (%rax), %rcx                    /* old_ra */
        movq    %rbp, %r8                       /* old_fp */
        TLSREG  %r11, rt_onsys
        movl    $1, %fs:(%r11)
        call    rt_morestack_c                  /* -> Seg * or 0 */
        TLSREG  %r11, rt_onsys
        movl    $0, %fs:(%r11)
        popq    %rbp
        popq    %rdi
        popq    %rsi
        popq    %rdx
        testq   %rax, %rax
        jz      1f
        movq    %rax, %rsp                      /* -> new segment, below its Seg header */
        movq    %rax, %rbp                      /* Seg starts with {old_fp, old_ra} */
        call    *%rsi                           /* adapter(blk): f runs again up here */
        .globl  rt_morestack_ret
rt_morestack_ret:                               /* the walker recognizes this RA */
        movq    %rsp, %rdi                      /* Seg * */
        call    rt_lessstack_c                  /* on the segment we leave; -> old_sp */
        movq    (%rsp), %rbp                    /* old fp */
        leaq    -8(%rax), %rsp                  /* old segment, at the old RA slot */
        movl    $1, %eax
        ret
1:      movq    %rdx, %rsp                      /* preemption, no split: */
        subq    $8, %rsp                        /* yield here if it is pending */
        call    rt_preempt_check                /* (g->sched: the prologue's site) */
        addq    $8, %rsp
        xorl    %eax, %eax
        ret
        .size   rt_morestack, .-rt_morestack

/*
 * void rt_gostart_asm(void (*fn)(void *), void *arg, void *top)
 * Run fn(arg) on a goroutine stack whose top is `top` (a Seg with a zeroed
 * frame record); the caller's stack becomes this thread's system stack.
 */
        .globl  rt_gostart_asm
        .type   rt_gostart_asm,@function
        .p2align 4
rt_gostart_asm:
        pushq   %rbp
        movq    %rsp, %rbp
        pushq   %rbx
        pushq   %r12
        pushq   %r13
        pushq   %r14                            /* %rsp is 16-aligned now */
        TLSREG  %r11, rt_g0sp
        movq    %fs:(%r11), %r12                /* previous system-stack top */
        movq    %rsp, %fs:(%r11)
        TLSREG  %r11, rt_onsys
        movl    %fs:(%r11), %r13d
        movl    $0, %fs:(%r11)
        movq    %rsp, %rbx
        movq    %rdx, %rsp
        movq    %rdx, %rbp                      /* FP chain ends in the zeroed record */
        movq    %rdi, %rax
        movq    %rsi, %rdi
        call    *%rax
        movq    %rbx, %rsp
        TLSREG  %r11, rt_g0sp
        movq    %r12, %fs:(%r11)
        TLSREG  %r11, rt_onsys
        movl    %r13d, %fs:(%r11)
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbx
        popq    %rbp
        ret
        .size   rt_gostart_asm, .-rt_gostart_asm

/*
 * void rt_systemstack(void (*fn)(void *), void *arg): run fn(arg) on the
 * system stack (directly if already there). Costs 32 bytes of segment.
 */
        .globl  rt_systemstack
        .type   rt_systemstack,@function
        .p2align 4
rt_systemstack:
        pushq   %rbp
        movq    %rsp, %rbp
        pushq   %rbx
        pushq   %r12
        movq    %rdi, %rax
        movq    %rsi, %rdi
        TLSREG  %r11, rt_onsys
        movl    %fs:(%r11), %r12d
        testl   %r12d, %r12d
        jnz     1f
        movl    $1, %fs:(%r11)
        movq    %rsp, %rbx
        TLSREG  %r11, rt_g0sp
        movq    %fs:(%r11), %rsp
        call    *%rax
        movq    %rbx, %rsp
        TLSREG  %r11, rt_onsys
        movl    $0, %fs:(%r11)
        jmp     2f
1:      call    *%rax
2:      popq    %r12
        popq    %rbx
        popq    %rbp
        ret
        .size   rt_systemstack, .-rt_systemstack

/*
 * defer/panic (defer.c, prototypes/defer-panic).
 * int rt_setjmp(uintptr_t ctx[8]): returns_twice; saves the resume pc (our
 * return address), the SP after returning, rbp and the callee-saved registers.
 */
        .globl  rt_setjmp
        .type   rt_setjmp,@function
        .p2align 4
rt_setjmp:
        movq    (%rsp), %rax
        leaq    8(%rsp), %rcx
        movq    %rax, 0(%rdi)
        movq    %rcx, 8(%rdi)
        movq    %rbp, 16(%rdi)
        movq    %rbx, 24(%rdi)
        movq    %r12, 32(%rdi)
        movq    %r13, 40(%rdi)
        movq    %r14, 48(%rdi)
        movq    %r15, 56(%rdi)
        xorl    %eax, %eax
        ret
        .size   rt_setjmp, .-rt_setjmp

/* noreturn void rt_resume(uintptr_t *ctx, Seg *target): on the system stack,
 * free the segments newer than target (rt_unwind_segs), then make ctx's
 * rt_setjmp return 1. */
        .globl  rt_resume
        .type   rt_resume,@function
        .p2align 4
rt_resume:
        movq    %rdi, %rbx                      /* reloaded from ctx below anyway */
        TLSREG  %r11, rt_g0sp
        movq    %fs:(%r11), %rsp                /* leave the goroutine stack: it may be freed */
        TLSREG  %r11, rt_onsys
        movl    $1, %fs:(%r11)
        movq    %rsi, %rdi
        call    rt_unwind_segs
        TLSREG  %r11, rt_onsys
        movl    $0, %fs:(%r11)
        movq    %rbx, %rdx
        movq    8(%rdx), %rsp
        movq    16(%rdx), %rbp
        movq    24(%rdx), %rbx
        movq    32(%rdx), %r12
        movq    40(%rdx), %r13
        movq    48(%rdx), %r14
        movq    56(%rdx), %r15
        movl    $1, %eax
        jmpq    *(%rdx)
        .size   rt_resume, .-rt_resume

/* void rt_calldefer(GoDefer *e, PanicSite *site): e->code(nest = e) with FP =
 * site, a frame record {panicking FP, RA}: FP chains and the walker go on
 * from the deferred call to the panicking frame (RA rt_defercall_ret). */
        .globl  rt_calldefer
        .type   rt_calldefer,@function
        .p2align 4
rt_calldefer:
        pushq   %rbp
        movq    %rsi, %rbp
        movq    %rdi, %r10                      /* LLVM `nest` */
        call    *(%rdi)
        .globl  rt_defercall_ret
rt_defercall_ret:
        popq    %rbp
        ret
        .size   rt_calldefer, .-rt_calldefer

/*
 * void rt_callon(Seg *top, void (*fn)(void *), void *arg): fn(arg) with
 * SP = top (reflectcall.c rt_callgo). The Seg header's frame record gets
 * {our FP, our RA}, so the FP chain continues into the caller's segment.
 */
        .globl  rt_callon
        .type   rt_callon,@function
        .p2align 4
rt_callon:
        pushq   %rbp
        movq    %rsp, %rbp
        movq    %rbp, 0(%rdi)                   /* seg->fr_fp */
        movq    8(%rbp), %rax
        movq    %rax, 8(%rdi)                   /* seg->fr_ra */
        movq    %rdi, %rsp
        movq    %rdi, %rbp
        movq    %rsi, %rax
        movq    %rdx, %rdi
        call    *%rax
        movq    (%rbp), %rbp                    /* %rbp is the Seg again: its fr_fp */
        movq    %rbp, %rsp
        popq    %rbp
        ret
        .size   rt_callon, .-rt_callon

/*
 * reflect.makeFuncStub / reflect.methodValueCall: the code of MakeFunc and
 * method values, entered like any golc func value call (context in %r10).
 * Record the Go caller in rt_curg->sched (the call-in record's frame), keep
 * the argument registers, get the context's libffi Go closure from
 * rt_makefunc_closure(ctx, kind) and jump to its trampoline with the
 * closure in %r10 (libffi's static chain): it calls rt_makefunc_cb.
 */
.macro MAKEFUNC_STUB sym, kind
        .globl  \sym
        .type   \sym,@function
        .p2align 4
\sym:
        TLSREG  %r11, rt_curg
        movq    %fs:(%r11), %r11
        RECORD_CALLER %r11
        pushq   %rbp
        movq    %rsp, %rbp
        subq    $112, %rsp
        movq    %rdi, 0(%rsp)
        movq    %rsi, 8(%rsp)
        movq    %rdx, 16(%rsp)
        movq    %rcx, 24(%rsp)
        movq    %r8, 32(%rsp)
        movq    %r9, 40(%rsp)
        movsd   %xmm0, 48(%rsp)
        movsd   %xmm1, 56(%rsp)
        movsd   %xmm2, 64(%rsp)
        movsd   %xmm3, 72(%rsp)
        movsd   %xmm4, 80(%rsp)
        movsd   %xmm5, 88(%rsp)
        movsd   %xmm6, 96(%rsp)
        movsd   %xmm7, 104(%rsp)
        movq    %r10, %rdi
        movl    $\kind, %esi
        call    rt_makefunc_closure
        movq    %rax, %r10
        movq    0(%rsp), %rdi
        movq    8(%rsp), %rsi
        movq    16(%rsp), %rdx
        movq    24(%rsp), %rcx
        movq    32(%rsp), %r8
        movq    40(%rsp), %r9
        movsd   48(%rsp), %xmm0
        movsd   56(%rsp), %xmm1
        movsd   64(%rsp), %xmm2
        movsd   72(%rsp), %xmm3
        movsd   80(%rsp), %xmm4
        movsd   88(%rsp), %xmm5
        movsd   96(%rsp), %xmm6
        movsd   104(%rsp), %xmm7
        movq    %rbp, %rsp
        popq    %rbp
        jmpq    *(%r10)
        .size   \sym, .-\sym
.endm

        MAKEFUNC_STUB reflect.makeFuncStub, 0
        MAKEFUNC_STUB reflect.methodValueCall, 1

/*
 * Goroutine switches (proc.c). A Ctx is {pc, sp, rbp, rbx, r12, r13, r14, r15}.
 * void rt_sched_run(Ctx *save, const Ctx *g): the scheduler saves its own
 * context, makes its SP the system-stack top (rt_g0sp), leaves the system
 * stack (rt_onsys = 0) and continues goroutine g.
 * void rt_sched_return(Ctx *save, const Ctx *sched): a goroutine saves its
 * context and continues the scheduler on the system stack (rt_onsys = 1).
 * rt_gentry_asm: a new goroutine's first pc: calls fn = r12 with arguments
 * (r14, r15, rbx) and `nest` = r13, then rt_goexit_c.
 */
.macro SAVECTX reg
        movq    (%rsp), %rax
        movq    %rax, 0(\reg)
        leaq    8(%rsp), %rax
        movq    %rax, 8(\reg)
        movq    %rbp, 16(\reg)
        movq    %rbx, 24(\reg)
        movq    %r12, 32(\reg)
        movq    %r13, 40(\reg)
        movq    %r14, 48(\reg)
        movq    %r15, 56(\reg)
.endm
.macro LOADCTX reg
        movq    8(\reg), %rsp
        movq    16(\reg), %rbp
        movq    24(\reg), %rbx
        movq    32(\reg), %r12
        movq    40(\reg), %r13
        movq    48(\reg), %r14
        movq    56(\reg), %r15
        jmp     *0(\reg)
.endm

        .globl  rt_sched_run
        .type   rt_sched_run,@function
        .p2align 4
rt_sched_run:
        SAVECTX %rdi
        TLSREG  %r11, rt_g0sp
        movq    %rax, %fs:(%r11)                /* %rax = the saved SP */
        TLSREG  %r11, rt_onsys
        movl    $0, %fs:(%r11)
        LOADCTX %rsi
        .size   rt_sched_run, .-rt_sched_run

        .globl  rt_sched_return
        .type   rt_sched_return,@function
        .p2align 4
rt_sched_return:
        SAVECTX %rdi
        TLSREG  %r11, rt_onsys
        movl    $1, %fs:(%r11)
        LOADCTX %rsi
        .size   rt_sched_return, .-rt_sched_return

        .globl  rt_gentry_asm
        .type   rt_gentry_asm,@function
        .p2align 4
rt_gentry_asm:
        movq    %r14, %rdi
        movq    %r15, %rsi
        movq    %rbx, %rdx
        movq    %r13, %r10                      /* LLVM `nest` */
        call    *%r12
        call    rt_goexit_c
        ud2
        .size   rt_gentry_asm, .-rt_gentry_asm

/* long rt_syscall6(long nr, long a..f): raw system call, returns -errno */
        .globl  rt_syscall6
        .type   rt_syscall6,@function
        .p2align 4
rt_syscall6:
        movq    %rdi, %rax
        movq    %rsi, %rdi
        movq    %rdx, %rsi
        movq    %rcx, %rdx
        movq    %r8, %r10
        movq    %r9, %r8
        movq    8(%rsp), %r9
        syscall
        ret
        .size   rt_syscall6, .-rt_syscall6

        .section .note.GNU-stack,"",@progbits
