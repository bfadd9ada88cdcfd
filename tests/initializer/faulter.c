/* A PD program that faults in the way its name says (the composer patches
   microkit_name), so the monitor's report of each fault type can be checked.
   It runs on the stack the initializer gives it (no crt0 stack). */
#include <rampart/ipc.h>
#include <rampart/sys.h>
#include <stdint.h>

char microkit_name[32] = {0};
uintptr_t ro_vaddr; /* setvar_vaddr of the read-only region */

static int named(const char* s) {
    const char* n = microkit_name;
    while (*s && *s == *n) {
        ++s;
        ++n;
    }
    return *s == *n;
}

/* Each frame holds a page-sized buffer, so the guard page is reached soon. */
__attribute__((noinline)) static uint64_t recurse(uint64_t depth) {
    volatile uint8_t frame[4096];
    frame[0] = (uint8_t)depth;
    if (depth == UINT64_MAX) /* never: the guard page comes first */
        return 0;
    return recurse(depth + 1) + frame[0];
}

int faulter_main(void) {
    rampart_debug_puts(microkit_name);
    rampart_debug_puts(": running\n");
    if (named("vm-null")) {
        *(volatile uint64_t*)8 = 1;
    } else if (named("ro-write")) {
        *(volatile uint64_t*)ro_vaddr = 1;
    } else if (named("stack")) {
        recurse(0);
    } else if (named("cap")) {
        rampart_signal(0x3ff); /* an empty slot */
    } else if (named("syscall")) {
        register uint64_t x7 __asm__("x7") = 0x4242;
        __asm__ volatile("svc #0" : : "r"(x7) : "memory");
    } else if (named("undefined")) {
        __asm__ volatile("udf #0");
    } else if (named("restarter")) {
        *(volatile uint64_t*)0 = 1;
    } else if (named("finisher")) {
        rampart_debug_puts("faults: done\n");
        rampart_debug_halt(0);
    }
    rampart_debug_puts(microkit_name);
    rampart_debug_puts(": did not fault\n");
    rampart_debug_halt(2);
}

__asm__(".section .text.start, \"ax\"\n"
        ".global _start\n"
        "_start:\n"
        "    mov x29, #0\n"
        "    mov x30, #0\n"
        "    bl faulter_main\n"
        "1:  b 1b\n");
