/* IPC system calls (AArch64 registers as in rampart/message.h). Message words
   0..3 travel in mr[]; words 4.. in the calling thread's IPC buffer. Each
   receiving call returns the message info and stores the sender's badge. */
#ifndef RAMPART_USER_IPC_H
#define RAMPART_USER_IPC_H

#include <rampart/message.h>
#include <rampart/syscalls.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

static inline rampart_msginfo_t rampart_ipc_syscall(int64_t sys, rampart_cptr_t x0_in,
                                                    rampart_msginfo_t info, uint64_t mr[4],
                                                    rampart_cptr_t reply, rampart_cptr_t dest,
                                                    uint64_t* badge) {
    register uint64_t x0 __asm__("x0") = x0_in;
    register uint64_t x1 __asm__("x1") = info;
    register uint64_t x2 __asm__("x2") = mr[0];
    register uint64_t x3 __asm__("x3") = mr[1];
    register uint64_t x4 __asm__("x4") = mr[2];
    register uint64_t x5 __asm__("x5") = mr[3];
    register uint64_t x6 __asm__("x6") = reply;
    register int64_t x7 __asm__("x7") = sys;
    register uint64_t x8 __asm__("x8") = dest;
    __asm__ volatile("svc #0"
                     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5), "+r"(x6),
                       "+r"(x8)
                     : "r"(x7)
                     : "memory");
    mr[0] = x2;
    mr[1] = x3;
    mr[2] = x4;
    mr[3] = x5;
    if (badge)
        *badge = x0;
    return x1;
}

static inline void rampart_send(rampart_cptr_t dest, rampart_msginfo_t info, uint64_t mr[4]) {
    rampart_ipc_syscall(RAMPART_SYS_SEND, dest, info, mr, 0, 0, 0);
}
static inline void rampart_nbsend(rampart_cptr_t dest, rampart_msginfo_t info, uint64_t mr[4]) {
    rampart_ipc_syscall(RAMPART_SYS_NB_SEND, dest, info, mr, 0, 0, 0);
}
static inline rampart_msginfo_t rampart_call(rampart_cptr_t dest, rampart_msginfo_t info,
                                             uint64_t mr[4]) {
    return rampart_ipc_syscall(RAMPART_SYS_CALL, dest, info, mr, 0, 0, 0);
}
static inline rampart_msginfo_t rampart_recv(rampart_cptr_t src, uint64_t* badge,
                                             rampart_cptr_t reply, uint64_t mr[4]) {
    return rampart_ipc_syscall(RAMPART_SYS_RECV, src, 0, mr, reply, 0, badge);
}
static inline rampart_msginfo_t rampart_nbrecv(rampart_cptr_t src, uint64_t* badge,
                                               rampart_cptr_t reply, uint64_t mr[4]) {
    return rampart_ipc_syscall(RAMPART_SYS_NB_RECV, src, 0, mr, reply, 0, badge);
}
static inline rampart_msginfo_t rampart_reply_recv(rampart_cptr_t src, rampart_msginfo_t info,
                                                   uint64_t* badge, rampart_cptr_t reply,
                                                   uint64_t mr[4]) {
    return rampart_ipc_syscall(RAMPART_SYS_REPLY_RECV, src, info, mr, reply, 0, badge);
}
static inline rampart_msginfo_t rampart_nbsend_recv(rampart_cptr_t dest, rampart_msginfo_t info,
                                                    rampart_cptr_t src, uint64_t* badge,
                                                    rampart_cptr_t reply, uint64_t mr[4]) {
    return rampart_ipc_syscall(RAMPART_SYS_NB_SEND_RECV, src, info, mr, reply, dest, badge);
}
static inline rampart_msginfo_t rampart_nbsend_wait(rampart_cptr_t dest, rampart_msginfo_t info,
                                                    rampart_cptr_t src, uint64_t* badge,
                                                    uint64_t mr[4]) {
    return rampart_ipc_syscall(RAMPART_SYS_NB_SEND_WAIT, src, info, mr, 0, dest, badge);
}

/* Notifications: Signal is a Send of no words; Wait blocks, Poll does not. */
static inline void rampart_signal(rampart_cptr_t ntfn) {
    uint64_t mr[4] = {0, 0, 0, 0};
    rampart_ipc_syscall(RAMPART_SYS_SEND, ntfn, 0, mr, 0, 0, 0);
}
static inline uint64_t rampart_wait(rampart_cptr_t ntfn) {
    uint64_t mr[4] = {0, 0, 0, 0}, badge = 0;
    rampart_ipc_syscall(RAMPART_SYS_WAIT, ntfn, 0, mr, 0, 0, &badge);
    return badge;
}
static inline uint64_t rampart_poll(rampart_cptr_t ntfn) {
    uint64_t mr[4] = {0, 0, 0, 0}, badge = 0;
    rampart_ipc_syscall(RAMPART_SYS_NB_WAIT, ntfn, 0, mr, 0, 0, &badge);
    return badge;
}

#ifdef __cplusplus
}
#endif

#endif
