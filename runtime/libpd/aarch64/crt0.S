/* Entry of a protection domain. The initializer starts the PD with sp at the
   top of the stack the composer mapped, so the stack pointer is kept, not
   taken from a linker symbol. The first top of stack is remembered: a parent's
   microkit_pd_restart sets only pc, and the restarted PD starts again from
   that top (a monitor restart re-fills .bss with zeros and passes sp again). */
    .section .text.start, "ax"
    .global _start
    .type _start, %function
_start:
    adrp    x9, rampart_pd_initial_sp
    ldr     x10, [x9, :lo12:rampart_pd_initial_sp]
    cbz     x10, 1f
    mov     sp, x10
    b       2f
1:  mov     x10, sp
    str     x10, [x9, :lo12:rampart_pd_initial_sp]
2:  mov     x29, #0
    mov     x30, #0
    bl      rampart_pd_main
3:  b       3b
    .size _start, . - _start

    .bss
    .balign 8
    .global rampart_pd_initial_sp
rampart_pd_initial_sp:
    .quad 0
