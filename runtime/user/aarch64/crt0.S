/* Entry of a user program: x0 = boot-info (root task) or unused (PDs).
   Sets up the stack from the linker script and calls main(x0); the return
   value ends the system in debug builds (root tasks) through _exit. */
    .section .text.start, "ax"
    .global _start
_start:
    adrp    x9, __stack_top
    add     x9, x9, :lo12:__stack_top
    mov     sp, x9
    mov     x29, #0
    mov     x30, #0
    bl      main
    bl      _exit
1:  b       1b
