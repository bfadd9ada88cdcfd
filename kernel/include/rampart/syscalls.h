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
       delivered to the thread's handler). seL4's DebugSnapshot (-16) is
       not implemented. */
    RAMPART_SYS_DEBUG_PUTCHAR = -12,     /* x0 = character */
    RAMPART_SYS_DEBUG_DUMP_SCHEDULER = -13, /* prints every thread on the kernel console */
    RAMPART_SYS_DEBUG_HALT = -14,        /* x0 = exit status: ends the system (QEMU exits with it) */
    RAMPART_SYS_DEBUG_CAP_IDENTIFY = -15, /* x0 = cptr; returns its cap's kind (below) in x0 */
    /* x0 = TCB cap; the NUL-terminated name fills the caller's IPC buffer
       from message word 0, the NUL within the message words (rampart/message.h).
       The buffer's frame cap must allow reading and writing, as seL4 asks. */
    RAMPART_SYS_DEBUG_NAME_THREAD = -17,

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

/* RAMPART_SYS_DEBUG_CAP_IDENTIFY's answer: the kind of cap a cptr names,
   numbered as seL4's cap_get_capType numbers them on AArch64 (the capType
   tag of its structures.bf; odd numbers are architecture caps). A cptr that
   names no cap (a failed lookup, an empty slot) is RAMPART_CAP_KIND_NULL. */
enum rampart_cap_kind {
    RAMPART_CAP_KIND_NULL = 0,
    RAMPART_CAP_KIND_FRAME = 1,
    RAMPART_CAP_KIND_UNTYPED = 2,
    RAMPART_CAP_KIND_PAGE_TABLE = 3,
    RAMPART_CAP_KIND_ENDPOINT = 4,
    RAMPART_CAP_KIND_NOTIFICATION = 6,
    RAMPART_CAP_KIND_REPLY = 8,
    RAMPART_CAP_KIND_VSPACE = 9,
    RAMPART_CAP_KIND_CNODE = 10,
    RAMPART_CAP_KIND_ASID_CONTROL = 11,
    RAMPART_CAP_KIND_TCB = 12,
    RAMPART_CAP_KIND_ASID_POOL = 13,
    RAMPART_CAP_KIND_IRQ_CONTROL = 14,
    RAMPART_CAP_KIND_IRQ_HANDLER = 16,
    RAMPART_CAP_KIND_ZOMBIE = 18,
    RAMPART_CAP_KIND_DOMAIN = 20,
    RAMPART_CAP_KIND_SCHED_CONTEXT = 22,
    RAMPART_CAP_KIND_SCHED_CONTROL = 24,
};

/* A thread keeps the first RAMPART_DEBUG_NAME_KEPT - 1 bytes of the name
   RAMPART_SYS_DEBUG_NAME_THREAD gives it (seL4 keeps up to 847). */
#define RAMPART_DEBUG_NAME_KEPT 64u

/* Bytes carried by one RAMPART_SYS_DEBUG_WRITE: six registers of eight bytes. */
#define RAMPART_DEBUG_WRITE_MAX 48u

#endif
