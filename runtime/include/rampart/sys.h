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

/* Debug kernels: the kind (enum rampart_cap_kind) of the cap `cptr` names. */
static inline uint64_t rampart_debug_cap_identify(uint64_t cptr) {
    register uint64_t x0 __asm__("x0") = cptr;
    register int64_t x7 __asm__("x7") = RAMPART_SYS_DEBUG_CAP_IDENTIFY;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x7) : "memory");
    return x0;
}

/* Debug kernels: names the thread of TCB cap `tcb` with the NUL-terminated
   string the caller has put at the start of its IPC buffer's message words
   (the kernel prints why when it refuses). */
static inline void rampart_debug_name_thread_from_buffer(uint64_t tcb) {
    register uint64_t x0 __asm__("x0") = tcb;
    register int64_t x7 __asm__("x7") = RAMPART_SYS_DEBUG_NAME_THREAD;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x7) : "memory");
}

/* Debug kernels: prints every thread (name, state, next instruction,
   priority, domain, whether it waits for a refill) on the kernel console,
   laid out as seL4's DebugDumpScheduler prints it. */
static inline void rampart_debug_dump_scheduler(void) {
    register int64_t x7 __asm__("x7") = RAMPART_SYS_DEBUG_DUMP_SCHEDULER;
    __asm__ volatile("svc #0" : : "r"(x7) : "memory");
}

static inline void rampart_yield(void) {
    register int64_t x7 __asm__("x7") = RAMPART_SYS_YIELD;
    __asm__ volatile("svc #0" : : "r"(x7) : "memory", "x0", "x1", "x2", "x3", "x4", "x5", "x6");
}

#ifdef __cplusplus
}
#endif

#endif
