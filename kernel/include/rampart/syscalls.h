/* System call numbers (register x7 on AArch64) and the debug calls of debug builds. */
#ifndef RAMPART_SYSCALLS_H
#define RAMPART_SYSCALLS_H

/* seL4's numbers for MCS (libsel4's syscall.xml): negative, so that a zeroed
   or small register is never a valid call. x7 holds the number as a signed
   word (the kernel reads it as int64_t). */
enum rampart_syscall {
    RAMPART_SYS_CALL = -1,
    RAMPART_SYS_REPLY_RECV = -2,
    RAMPART_SYS_NB_SEND_RECV = -3,
    RAMPART_SYS_NB_SEND_WAIT = -4,
    RAMPART_SYS_SEND = -5,
    RAMPART_SYS_NB_SEND = -6,
    RAMPART_SYS_RECV = -7,
    RAMPART_SYS_NB_RECV = -8,
    RAMPART_SYS_WAIT = -9,
    RAMPART_SYS_NB_WAIT = -10,
    RAMPART_SYS_YIELD = -11,

    /* Debug calls, numbered as seL4 numbers them: present in debug builds
       only; release kernels treat them as unknown system calls (a fault
       delivered to the thread's handler). seL4's DebugDumpScheduler (-13),
       DebugCapIdentify (-15), DebugSnapshot (-16) and DebugNameThread (-17)
       are not implemented yet. */
    RAMPART_SYS_DEBUG_PUTCHAR = -12, /* x0 = character */
    RAMPART_SYS_DEBUG_HALT = -14,    /* x0 = exit status: ends the system (QEMU exits with it) */

    /* Rampart's own debug calls, far below seL4's numbers. */
    RAMPART_SYS_DEBUG_WRITE = -256, /* x0..x5 = up to 48 bytes, little-endian; x6 = length */
    RAMPART_SYS_DEBUG_CHECK = -257, /* checks the kernel's invariants; x0 = result (below) */
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
