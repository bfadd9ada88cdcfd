/* Kernel entry from the loader: MMU on, running at the kernel's virtual
   address, x0 = physical address of the boot handoff. */
    .section .text.head, "ax"
    .global _start
_start:
    msr     daifset, #0xf
    adrp    x9, kernel_stack_top
    add     x9, x9, :lo12:kernel_stack_top
    mov     sp, x9
    adrp    x9, exception_vectors
    add     x9, x9, :lo12:exception_vectors
    msr     vbar_el1, x9
    isb
    bl      kernel_main
1:  wfe
    b       1b

    .bss
    .balign 16
    .global kernel_stack_top
kernel_stack:
    .space  0x4000
kernel_stack_top:
