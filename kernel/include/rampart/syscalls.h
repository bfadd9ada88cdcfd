/* System call numbers (register x7 on AArch64) and the debug calls of debug builds. */
#ifndef RAMPART_SYSCALLS_H
#define RAMPART_SYSCALLS_H

/* Numbered from 1 so that a zeroed register is never a valid call. */
enum rampart_syscall {
    RAMPART_SYS_CALL = 1,
    RAMPART_SYS_REPLY_RECV = 2,
    RAMPART_SYS_NB_SEND_RECV = 3,
    RAMPART_SYS_NB_SEND_WAIT = 4,
    RAMPART_SYS_SEND = 5,
    RAMPART_SYS_NB_SEND = 6,
    RAMPART_SYS_RECV = 7,
    RAMPART_SYS_NB_RECV = 8,
    RAMPART_SYS_WAIT = 9,
    RAMPART_SYS_NB_WAIT = 10,
    RAMPART_SYS_YIELD = 11,
    RAMPART_SYS_COUNT_,

    /* Debug calls: present in debug builds only; release kernels treat them
       as unknown system calls (a fault delivered to the thread's handler). */
    RAMPART_SYS_DEBUG_PUTCHAR = 64, /* x0 = character */
    RAMPART_SYS_DEBUG_WRITE = 65,   /* x0..x5 = up to 48 bytes, little-endian; x6 = length */
    RAMPART_SYS_DEBUG_HALT = 66,    /* x0 = exit status: ends the system (QEMU exits with it) */
    RAMPART_SYS_DEBUG_CHECK = 67,   /* checks the kernel's invariants; x0 = result (below) */
};

/* RAMPART_SYS_DEBUG_CHECK's result in x0. */
enum rampart_debug_check_result {
    RAMPART_DEBUG_CHECK_OK = 0,
    RAMPART_DEBUG_CHECK_VIOLATED = 1,    /* the kernel prints the first violation */
    RAMPART_DEBUG_CHECK_INTERRUPTED = 2, /* stopped for a pending interrupt: call again */
};

/* Bytes carried by one RAMPART_SYS_DEBUG_WRITE: six registers of eight bytes. */
#define RAMPART_DEBUG_WRITE_MAX 48u

#endif
