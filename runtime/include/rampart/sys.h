/* User-side system call wrappers (AArch64): call number in x7, trap with svc #0. */
#ifndef RAMPART_USER_SYS_H
#define RAMPART_USER_SYS_H

#include <rampart/syscalls.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

static inline void rampart_debug_putchar(char c) {
    unsigned char byte = 0;
    __builtin_memcpy(&byte, &c, 1); /* no cast: the header is C and C++ */
    register uint64_t x0 __asm__("x0") = byte;
    register int64_t x7 __asm__("x7") = RAMPART_SYS_DEBUG_PUTCHAR;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x7) : "memory");
}

/* Writes up to RAMPART_DEBUG_WRITE_MAX bytes per call, packed into registers. */
void rampart_debug_write(const char* s, size_t n);
void rampart_debug_puts(const char* s);

__attribute__((noreturn)) static inline void rampart_debug_halt(uint32_t status) {
    register uint64_t x0 __asm__("x0") = status;
    register int64_t x7 __asm__("x7") = RAMPART_SYS_DEBUG_HALT;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x7) : "memory");
    __builtin_unreachable();
}

/* Debug kernels: RAMPART_DEBUG_CHECK_OK when every kernel invariant holds,
   RAMPART_DEBUG_CHECK_VIOLATED when one does not (the kernel prints it). A run
   an interrupt stopped decides nothing: this asks again until one decides. */
static inline uint64_t rampart_debug_check(void) {
    for (;;) {
        register uint64_t x0 __asm__("x0") = 0;
        register int64_t x7 __asm__("x7") = RAMPART_SYS_DEBUG_CHECK;
        __asm__ volatile("svc #0" : "+r"(x0) : "r"(x7) : "memory");
        if (x0 != RAMPART_DEBUG_CHECK_INTERRUPTED)
            return x0;
    }
}

static inline void rampart_yield(void) {
    register int64_t x7 __asm__("x7") = RAMPART_SYS_YIELD;
    __asm__ volatile("svc #0" : : "r"(x7) : "memory", "x0", "x1", "x2", "x3", "x4", "x5", "x6");
}

#ifdef __cplusplus
}
#endif

#endif
