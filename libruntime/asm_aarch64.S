/*
 * asm_aarch64.S: stack switching and Go entry trampolines (AAPCS64).
 * Same routines and contracts as asm_x86_64.S.
 */
#include "rt.h"

        .text

/* \reg = address of TLS variable \sym (initial-exec); clobbers \tmp */
.macro TLSADDR reg, tmp, sym
        mrs     \reg, tpidr_el0
        adrp    \tmp, :gottprel:\sym
        ldr     \tmp, [\tmp, #:gottprel_lo12:\sym]
        add     \reg, \reg, \tmp
.endm

/* RT_GOENTRY sym, body: record {sp, x30, x29} in rt_curg->sched, then branch
 * to the C body; uses only x16/x17 (IP0/IP1). */
/* RECORD_CALLER g: at a function's entry, the Go caller's {sp, ra, fp} into
 * g->sched (g a register holding rt_curg; x17 is clobbered) */
.macro RECORD_CALLER g
        mov     x17, sp
        str     x17, [\g, #RT_G_SCHED_SP]
        str     x30, [\g, #RT_G_SCHED_RA]
        str     x29, [\g, #RT_G_SCHED_FP]
.endm

.macro RT_GOENTRY sym, body
        .globl  \sym
        .type   \sym,%function
        .p2align 4
\sym:
        TLSADDR x16, x17, rt_curg
        ldr     x16, [x16]
        cbz     x16, 1f
        RECORD_CALLER x16
1:      b       \body
        .size   \sym, .-\sym
.endm

#include "goentries.inc"

/* uint64_t rt_morestack(void *blk, void (*adapter)(void *), uint64_t est)
 * On entry sp = f's SP, x30 = RA into f, x29 = f's FP. */
        .globl  rt_morestack
        .type   rt_morestack,%function
        .p2align 4
rt_morestack:
        mov     x9, sp                          /* old_sp */
        TLSADDR x10, x11, rt_g0sp
        ldr     x10, [x10]
        mov     sp, x10                         /* -> system stack */
        sub     sp, sp, #48
        stp     x29, x30, [sp]
        stp     x0, x1, [sp, #16]
        str     x9, [sp, #32]
        mov     x1, x2                          /* est */
        mov     x2, x9                          /* old_sp */
        mov     x3, x30                         /* old_ra */
        mov     x4, x29                         /* old_fp */
        TLSADDR x10, x11, rt_onsys
        mov     w11, #1
        str     w11, [x10]
        bl      rt_morestack_c                  /* -> Seg * or 0 */
        TLSADDR x10, x11, rt_onsys
        str     wzr, [x10]
        mov     x9, x0
        ldp     x29, x30, [sp]
        ldp     x0, x1, [sp, #16]
        ldr     x10, [sp, #32]
        cbz     x9, 1f
        mov     sp, x9                          /* -> new segment, below its Seg header */
        mov     x29, x9                         /* Seg starts with {old_fp, old_ra} */
        blr     x1                              /* adapter(blk) */
        .globl  rt_morestack_ret
rt_morestack_ret:                               /* the walker recognizes this RA */
        mov     x0, sp
        bl      rt_lessstack_c                  /* on the segment we leave; -> old_sp */
        ldp     x29, x30, [sp]                  /* old fp, old ra */
        mov     sp, x0
        mov     x0, #1
        ret
1:      mov     sp, x10                         /* preemption, no split: */
        stp     x29, x30, [sp, #-16]!           /* yield here if it is pending */
        bl      rt_preempt_check                /* (g->sched: the prologue's site) */
        ldp     x29, x30, [sp], #16
        mov     x0, #0
        ret
        .size   rt_morestack, .-rt_morestack

/* void rt_gostart_asm(void (*fn)(void *), void *arg, void *top) */
        .globl  rt_gostart_asm
        .type   rt_gostart_asm,%function
        .p2align 4
rt_gostart_asm:
        stp     x29, x30, [sp, #-48]!
        mov     x29, sp
        stp     x19, x20, [sp, #16]
        str     x21, [sp, #32]
        TLSADDR x9, x10, rt_g0sp
        ldr     x20, [x9]                       /* previous system-stack top */
        mov     x10, sp
        str     x10, [x9]
        TLSADDR x9, x10, rt_onsys
        ldr     w21, [x9]
        str     wzr, [x9]
        mov     x19, sp
        mov     sp, x2
        mov     x29, x2                         /* FP chain ends in the zeroed record */
        mov     x9, x0
        mov     x0, x1
        blr     x9
        mov     sp, x19
        TLSADDR x9, x10, rt_g0sp
        str     x20, [x9]
        TLSADDR x9, x10, rt_onsys
        str     w21, [x9]
        ldr     x21, [sp, #32]
        ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #48
        ret
        .size   rt_gostart_asm, .-rt_gostart_asm

/* void rt_systemstack(void (*fn)(void *), void *arg): 32 bytes of segment */
        .globl  rt_systemstack
        .type   rt_systemstack,%function
        .p2align 4
rt_systemstack:
        stp     x29, x30, [sp, #-32]!
        mov     x29, sp
        stp     x19, x20, [sp, #16]
        mov     x20, x0
        TLSADDR x9, x10, rt_onsys
        ldr     w10, [x9]
        cbnz    w10, 1f
        mov     w10, #1
        str     w10, [x9]
        mov     x19, sp
        TLSADDR x9, x10, rt_g0sp
        ldr     x9, [x9]
        mov     sp, x9
        mov     x0, x1
        blr     x20
        mov     sp, x19
        TLSADDR x9, x10, rt_onsys
        str     wzr, [x9]
        b       2f
1:      mov     x0, x1
        blr     x20
2:      ldp     x19, x20, [sp, #16]
        ldp     x29, x30, [sp], #32
        ret
        .size   rt_systemstack, .-rt_systemstack

/* defer/panic (see asm_x86_64.S). int rt_setjmp(uintptr_t ctx[21]):
 * pc(x30), sp, x29, x19..x28, d8..d15 */
        .globl  rt_setjmp
        .type   rt_setjmp,%function
        .p2align 4
rt_setjmp:
        mov     x16, sp
        stp     x30, x16, [x0, #0]
        stp     x29, x19, [x0, #16]
        stp     x20, x21, [x0, #32]
        stp     x22, x23, [x0, #48]
        stp     x24, x25, [x0, #64]
        stp     x26, x27, [x0, #80]
        str     x28, [x0, #96]
        stp     d8, d9, [x0, #104]
        stp     d10, d11, [x0, #120]
        stp     d12, d13, [x0, #136]
        stp     d14, d15, [x0, #152]
        mov     w0, #0
        ret
        .size   rt_setjmp, .-rt_setjmp

/* noreturn void rt_resume(uintptr_t *ctx, Seg *target) */
        .globl  rt_resume
        .type   rt_resume,%function
        .p2align 4
rt_resume:
        mov     x19, x0
        TLSADDR x10, x11, rt_g0sp
        ldr     x10, [x10]
        mov     sp, x10                         /* leave the goroutine stack: it may be freed */
        TLSADDR x10, x11, rt_onsys
        mov     w11, #1
        str     w11, [x10]
        mov     x0, x1
        bl      rt_unwind_segs
        TLSADDR x10, x11, rt_onsys
        str     wzr, [x10]
        mov     x9, x19
        ldp     x30, x16, [x9, #0]
        ldp     x29, x19, [x9, #16]
        ldp     x20, x21, [x9, #32]
        ldp     x22, x23, [x9, #48]
        ldp     x24, x25, [x9, #64]
        ldp     x26, x27, [x9, #80]
        ldr     x28, [x9, #96]
        ldp     d8, d9, [x9, #104]
        ldp     d10, d11, [x9, #120]
        ldp     d12, d13, [x9, #136]
        ldp     d14, d15, [x9, #152]
        mov     sp, x16
        mov     w0, #1
        br      x30
        .size   rt_resume, .-rt_resume

/* void rt_calldefer(GoDefer *e, PanicSite *site): e->code(nest = e), FP = site */
        .globl  rt_calldefer
        .type   rt_calldefer,%function
        .p2align 4
rt_calldefer:
        stp     x29, x30, [sp, #-16]!
        mov     x29, x1
        mov     x18, x0                         /* LLVM `nest` */
        ldr     x9, [x0]
        blr     x9
        .globl  rt_defercall_ret
rt_defercall_ret:
        ldp     x29, x30, [sp], #16
        ret
        .size   rt_calldefer, .-rt_calldefer

/* void rt_callon(Seg *top, void (*fn)(void *), void *arg): see asm_x86_64.S */
        .globl  rt_callon
        .type   rt_callon,%function
        .p2align 4
rt_callon:
        stp     x29, x30, [sp, #-16]!
        mov     x29, sp
        stp     x29, x30, [x0]                  /* seg->fr_fp, seg->fr_ra */
        mov     sp, x0
        mov     x29, x0
        mov     x9, x1
        mov     x0, x2
        blr     x9
        ldr     x29, [x29]                      /* x29 is the Seg again: its fr_fp */
        mov     sp, x29
        ldp     x29, x30, [sp], #16
        ret
        .size   rt_callon, .-rt_callon

/* reflect.makeFuncStub / reflect.methodValueCall: see asm_x86_64.S (the
 * context and libffi's static chain are x18; x8 is kept too) */
.macro MAKEFUNC_STUB sym, kind
        .globl  \sym
        .type   \sym,%function
        .p2align 4
\sym:
        TLSADDR x16, x17, rt_curg
        ldr     x16, [x16]
        RECORD_CALLER x16
        stp     x29, x30, [sp, #-160]!
        mov     x29, sp
        stp     x0, x1, [sp, #16]
        stp     x2, x3, [sp, #32]
        stp     x4, x5, [sp, #48]
        stp     x6, x7, [sp, #64]
        stp     d0, d1, [sp, #80]
        stp     d2, d3, [sp, #96]
        stp     d4, d5, [sp, #112]
        stp     d6, d7, [sp, #128]
        str     x8, [sp, #144]
        mov     x0, x18
        mov     w1, #\kind
        bl      rt_makefunc_closure
        mov     x18, x0
        ldp     x0, x1, [sp, #16]
        ldp     x2, x3, [sp, #32]
        ldp     x4, x5, [sp, #48]
        ldp     x6, x7, [sp, #64]
        ldp     d0, d1, [sp, #80]
        ldp     d2, d3, [sp, #96]
        ldp     d4, d5, [sp, #112]
        ldp     d6, d7, [sp, #128]
        ldr     x8, [sp, #144]
        ldp     x29, x30, [sp], #160
        ldr     x9, [x18]
        br      x9
        .size   \sym, .-\sym
.endm

        MAKEFUNC_STUB reflect.makeFuncStub, 0
        MAKEFUNC_STUB reflect.methodValueCall, 1

/*
 * Goroutine switches (proc.c). A Ctx is {pc (x30), sp, x29, x19..x28, d8..d15}.
 * rt_sched_run / rt_sched_return / rt_gentry_asm: see asm_x86_64.S
 * (fn = x19, `nest` = x20 (passed in x18), arguments x21, x22, x23).
 */
.macro SAVECTX reg
        mov     x9, sp
        stp     x30, x9, [\reg, #0]
        stp     x29, x19, [\reg, #16]
        stp     x20, x21, [\reg, #32]
        stp     x22, x23, [\reg, #48]
        stp     x24, x25, [\reg, #64]
        stp     x26, x27, [\reg, #80]
        str     x28, [\reg, #96]
        stp     d8, d9, [\reg, #104]
        stp     d10, d11, [\reg, #120]
        stp     d12, d13, [\reg, #136]
        stp     d14, d15, [\reg, #152]
.endm
.macro LOADCTX reg
        ldp     x30, x9, [\reg, #0]
        mov     sp, x9
        ldp     x29, x19, [\reg, #16]
        ldp     x20, x21, [\reg, #32]
        ldp     x22, x23, [\reg, #48]
        ldp     x24, x25, [\reg, #64]
        ldp     x26, x27, [\reg, #80]
        ldr     x28, [\reg, #96]
        ldp     d8, d9, [\reg, #104]
        ldp     d10, d11, [\reg, #120]
        ldp     d12, d13, [\reg, #136]
        ldp     d14, d15, [\reg, #152]
        ret
.endm

        .globl  rt_sched_run
        .type   rt_sched_run,%function
        .p2align 4
rt_sched_run:
        SAVECTX x0
        TLSADDR x10, x11, rt_g0sp
        mov     x9, sp
        str     x9, [x10]
        TLSADDR x10, x11, rt_onsys
        str     wzr, [x10]
        LOADCTX x1
        .size   rt_sched_run, .-rt_sched_run

        .globl  rt_sched_return
        .type   rt_sched_return,%function
        .p2align 4
rt_sched_return:
        SAVECTX x0
        TLSADDR x10, x11, rt_onsys
        mov     w9, #1
        str     w9, [x10]
        LOADCTX x1
        .size   rt_sched_return, .-rt_sched_return

        .globl  rt_gentry_asm
        .type   rt_gentry_asm,%function
        .p2align 4
rt_gentry_asm:
        mov     x0, x21
        mov     x1, x22
        mov     x2, x23
        mov     x18, x20                        /* LLVM `nest` */
        blr     x19
        bl      rt_goexit_c
        brk     #0
        .size   rt_gentry_asm, .-rt_gentry_asm

/* long rt_syscall6(long nr, long a..f): raw system call, returns -errno */
        .globl  rt_syscall6
        .type   rt_syscall6,%function
        .p2align 4
rt_syscall6:
        mov     x8, x0
        mov     x0, x1
        mov     x1, x2
        mov     x2, x3
        mov     x3, x4
        mov     x4, x5
        mov     x5, x6
        svc     #0
        ret
        .size   rt_syscall6, .-rt_syscall6

        .section .note.GNU-stack,"",%progbits
