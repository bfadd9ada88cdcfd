/* Fault messages: what a fault handler receives (message label = fault type,
   words as listed), and what its reply may change (C-compatible ABI). A reply
   with label 0 restarts the thread; any other label leaves it stopped. */
#ifndef RAMPART_FAULTS_H
#define RAMPART_FAULTS_H

enum rampart_fault_type {
    RAMPART_FAULT_NULL = 0,
    /* w0 pc, w1 the cap address, w2 1 if in the receive phase, w3 lookup
       failure kind (errors.h), w4.. its words */
    RAMPART_FAULT_CAP = 1,
    /* w0..w7 x0..x7, w8 pc, w9 sp, w10 lr (x30), w11 spsr, w12 the call
       number. A restarting reply writes its words 0..11 back (x0..x7, pc,
       sp, lr, spsr) — as many as it carries. */
    RAMPART_FAULT_UNKNOWN_SYSCALL = 2,
    /* w0 pc, w1 sp, w2 spsr, w3 exception class, w4 syndrome (ESR). A
       restarting reply writes back pc, sp, spsr (as many as it carries). */
    RAMPART_FAULT_USER_EXCEPTION = 3,
    RAMPART_FAULT_DEBUG = 4,
    /* w0 the scheduling context's badge, w1 time consumed (µs) */
    RAMPART_FAULT_TIMEOUT = 5,
    /* w0 pc, w1 fault address, w2 1 for an instruction fetch, w3 syndrome (ESR) */
    RAMPART_FAULT_VM = 6
};

#define RAMPART_FAULT_UNKNOWN_SYSCALL_WORDS 13u
#define RAMPART_FAULT_USER_EXCEPTION_WORDS 5u
#define RAMPART_FAULT_VM_WORDS 4u
#define RAMPART_FAULT_CAP_WORDS 7u

#endif
