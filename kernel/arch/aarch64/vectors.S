/* Exception vectors (Arm ARM D1.10.2 "Exception vectors"). While a thread
   runs at EL0, SP_EL1 points at the end of its UserContext (context.hpp), so
   kernel entry saves the user registers straight into the thread. */

#define CTX_SIZE 288

    /* x0..x29 into the frame at sp (x30 and the rest follow per caller). */
    .macro  save_gprs
    stp     x0, x1, [sp, #16 * 0]
    stp     x2, x3, [sp, #16 * 1]
    stp     x4, x5, [sp, #16 * 2]
    stp     x6, x7, [sp, #16 * 3]
    stp     x8, x9, [sp, #16 * 4]
    stp     x10, x11, [sp, #16 * 5]
    stp     x12, x13, [sp, #16 * 6]
    stp     x14, x15, [sp, #16 * 7]
    stp     x16, x17, [sp, #16 * 8]
    stp     x18, x19, [sp, #16 * 9]
    stp     x20, x21, [sp, #16 * 10]
    stp     x22, x23, [sp, #16 * 11]
    stp     x24, x25, [sp, #16 * 12]
    stp     x26, x27, [sp, #16 * 13]
    stp     x28, x29, [sp, #16 * 14]
    .endm

    .macro  save_user_context
    sub     sp, sp, #CTX_SIZE
    save_gprs
    mrs     x0, sp_el0
    stp     x30, x0, [sp, #240]
    mrs     x0, elr_el1
    mrs     x1, spsr_el1
    stp     x0, x1, [sp, #256]
    mrs     x0, tpidr_el0
    str     x0, [sp, #272]
    mov     x0, sp
    adrp    x1, kernel_stack_top
    add     x1, x1, :lo12:kernel_stack_top
    mov     sp, x1
    .endm

    /* Kernel-mode exceptions are bugs: save everything on the kernel stack for the report. */
    .macro  kernel_fault kind
    sub     sp, sp, #CTX_SIZE
    save_gprs
    add     x0, sp, #CTX_SIZE
    stp     x30, x0, [sp, #240]
    mrs     x0, elr_el1
    mrs     x1, spsr_el1
    stp     x0, x1, [sp, #256]
    mov     x0, sp
    mov     x1, #\kind
    bl      handle_kernel_exception
    .endm

    .macro  vector target
    .balign 128
    b       \target
    .endm

    .text
    .balign 2048
    .global exception_vectors
exception_vectors:
    vector  el1t_sync           /* current EL with SP_EL0 */
    vector  el1t_irq
    vector  el1t_fiq
    vector  el1t_serror
    vector  el1h_sync           /* current EL with SP_EL1 */
    vector  el1h_irq
    vector  el1h_fiq
    vector  el1h_serror
    vector  el0_sync            /* lower EL, AArch64 */
    vector  el0_irq
    vector  el0_fiq
    vector  el0_serror
    vector  el0_32_unsupported  /* lower EL, AArch32: never enabled */
    vector  el0_32_unsupported
    vector  el0_32_unsupported
    vector  el0_32_unsupported

el1t_sync:   kernel_fault 0
el1t_irq:    kernel_fault 1
el1t_fiq:    kernel_fault 2
el1t_serror: kernel_fault 3
el1h_sync:   kernel_fault 4
el1h_irq:    kernel_fault 5
el1h_fiq:    kernel_fault 6
el1h_serror: kernel_fault 7
el0_32_unsupported: kernel_fault 12

el0_sync:
    save_user_context
    /* System calls go straight to their dispatcher with the call number
       (x7, which the save left intact); other exceptions are faults. */
    mrs     x1, esr_el1
    lsr     x1, x1, #26
    cmp     x1, #0x15               /* EC: SVC from AArch64 */
    b.ne    1f
    mov     x1, x7
    bl      handle_syscall_entry
    b       arch_restore_user_context
1:  bl      handle_user_sync
    b       arch_restore_user_context

el0_irq:
    save_user_context
    bl      handle_user_irq
    b       arch_restore_user_context

el0_fiq:
    save_user_context
    bl      handle_user_irq
    b       arch_restore_user_context

el0_serror:
    save_user_context
    bl      handle_user_serror
    b       arch_restore_user_context

/* [[noreturn]] void arch_restore_user_context(UserContext* ctx) */
    .global arch_restore_user_context
arch_restore_user_context:
    mov     sp, x0
    ldp     x0, x1, [sp, #248]
    msr     sp_el0, x0
    msr     elr_el1, x1
    ldp     x0, x1, [sp, #264]
    msr     spsr_el1, x0
    msr     tpidr_el0, x1
    ldp     x0, x1, [sp, #16 * 0]
    ldp     x2, x3, [sp, #16 * 1]
    ldp     x4, x5, [sp, #16 * 2]
    ldp     x6, x7, [sp, #16 * 3]
    ldp     x8, x9, [sp, #16 * 4]
    ldp     x10, x11, [sp, #16 * 5]
    ldp     x12, x13, [sp, #16 * 6]
    ldp     x14, x15, [sp, #16 * 7]
    ldp     x16, x17, [sp, #16 * 8]
    ldp     x18, x19, [sp, #16 * 9]
    ldp     x20, x21, [sp, #16 * 10]
    ldp     x22, x23, [sp, #16 * 11]
    ldp     x24, x25, [sp, #16 * 12]
    ldp     x26, x27, [sp, #16 * 13]
    ldp     x28, x29, [sp, #16 * 14]
    ldr     x30, [sp, #240]
    add     sp, sp, #CTX_SIZE
    eret
