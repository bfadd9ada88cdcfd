/* The part of libsel4's API that seL4 Microkit programs use beside microkit.h
   (types, message registers, the IPC system calls, debug output, TCB suspend
   and resume, IRQ acks), written over Rampart's ABI headers
   (kernel/include/rampart/), whose numbers are seL4's; the names are seL4's
   too. C11 and C++20. */
#ifndef RAMPART_SEL4_SEL4_H
#define RAMPART_SEL4_SEL4_H

#include <rampart/errors.h>
#include <rampart/invocations.h>
#include <rampart/invoke.h>
#include <rampart/ipc.h>
#include <rampart/message.h>
#include <rampart/sys.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A conversion the header writes once for C and C++. */
#ifdef __cplusplus
#define RAMPART_SEL4_AS(type, value) static_cast<type>(value)
#else
#define RAMPART_SEL4_AS(type, value) ((type)(value))
#endif

typedef int8_t seL4_Int8;
typedef int16_t seL4_Int16;
typedef int32_t seL4_Int32;
typedef int64_t seL4_Int64;
typedef uint8_t seL4_Uint8;
typedef uint16_t seL4_Uint16;
typedef uint32_t seL4_Uint32;
typedef uint64_t seL4_Uint64;
typedef uint64_t seL4_Word;
typedef uint64_t seL4_CPtr;
typedef int8_t seL4_Bool;
enum { seL4_False = 0, seL4_True = 1 };

#define seL4_WordBits 64
#define seL4_WordSizeBits 3
#define seL4_PageBits 12
#define seL4_CapNull 0u
#define seL4_MsgMaxLength RAMPART_MSG_MAX_LENGTH
#define seL4_MsgMaxExtraCaps RAMPART_MSG_MAX_EXTRA_CAPS

typedef enum {
    seL4_NoError = RAMPART_NO_ERROR,
    seL4_InvalidArgument = RAMPART_INVALID_ARGUMENT,
    seL4_InvalidCapability = RAMPART_INVALID_CAPABILITY,
    seL4_IllegalOperation = RAMPART_ILLEGAL_OPERATION,
    seL4_RangeError = RAMPART_RANGE_ERROR,
    seL4_AlignmentError = RAMPART_ALIGNMENT_ERROR,
    seL4_FailedLookup = RAMPART_FAILED_LOOKUP,
    seL4_TruncatedMessage = RAMPART_TRUNCATED_MESSAGE,
    seL4_DeleteFirst = RAMPART_DELETE_FIRST,
    seL4_RevokeFirst = RAMPART_REVOKE_FIRST,
    seL4_NotEnoughMemory = RAMPART_NOT_ENOUGH_MEMORY,
    seL4_NumErrors = RAMPART_ERROR_COUNT
} seL4_Error;

/* The invocation label of an IRQ acknowledgement (a deferred one is recorded
   in microkit_signal_msg with it). */
#define IRQAckIRQ RAMPART_IRQ_ACK_IRQ

/* The message-info word in seL4's shape (a one-word struct); the bit layout is
   rampart/message.h's, which is seL4's. */
typedef struct seL4_MessageInfo {
    seL4_Word words[1];
} seL4_MessageInfo_t;

static inline seL4_MessageInfo_t seL4_MessageInfo_new(seL4_Word label, seL4_Word capsUnwrapped,
                                                      seL4_Word extraCaps, seL4_Word length) {
    seL4_MessageInfo_t m;
    m.words[0] = rampart_msginfo_new(label, capsUnwrapped, extraCaps, length);
    return m;
}
static inline seL4_Word seL4_MessageInfo_get_label(seL4_MessageInfo_t m) {
    return rampart_msginfo_label(m.words[0]);
}
static inline seL4_Word seL4_MessageInfo_get_length(seL4_MessageInfo_t m) {
    return rampart_msginfo_length(m.words[0]);
}
static inline seL4_Word seL4_MessageInfo_get_extraCaps(seL4_MessageInfo_t m) {
    return rampart_msginfo_extra_caps(m.words[0]);
}
static inline seL4_Word seL4_MessageInfo_get_capsUnwrapped(seL4_MessageInfo_t m) {
    return rampart_msginfo_unwrapped(m.words[0]);
}
static inline seL4_MessageInfo_t seL4_MessageInfo_set_label(seL4_MessageInfo_t m, seL4_Word v) {
    return seL4_MessageInfo_new(v, seL4_MessageInfo_get_capsUnwrapped(m),
                                seL4_MessageInfo_get_extraCaps(m), seL4_MessageInfo_get_length(m));
}
static inline seL4_MessageInfo_t seL4_MessageInfo_set_length(seL4_MessageInfo_t m, seL4_Word v) {
    return seL4_MessageInfo_new(seL4_MessageInfo_get_label(m), seL4_MessageInfo_get_capsUnwrapped(m),
                                seL4_MessageInfo_get_extraCaps(m), v);
}

/* The calling thread's IPC buffer; the kernel keeps its address in TPIDRRO_EL0. */
typedef struct rampart_ipc_buffer seL4_IPCBuffer;
static inline seL4_IPCBuffer* seL4_GetIPCBuffer(void) {
    seL4_IPCBuffer* buffer;
    __asm__("mrs %0, tpidrro_el0" : "=r"(buffer));
    return buffer;
}

/* Message registers are the IPC buffer's words; the system calls below move
   words 0..3 between the buffer and the registers they travel in. */
static inline seL4_Word seL4_GetMR(int i) {
    return seL4_GetIPCBuffer()->msg[i];
}
static inline void seL4_SetMR(int i, seL4_Word value) {
    seL4_GetIPCBuffer()->msg[i] = value;
}
static inline seL4_Word seL4_GetUserData(void) {
    return seL4_GetIPCBuffer()->user_data;
}
static inline void seL4_SetUserData(seL4_Word data) {
    seL4_GetIPCBuffer()->user_data = data;
}

/* One IPC system call with message words 0..3 taken from, and (when the call
   receives) put back into, the IPC buffer. */
static inline seL4_MessageInfo_t rampart_sel4_ipc(int64_t sys, seL4_CPtr cap,
                                                  seL4_MessageInfo_t info, seL4_CPtr reply,
                                                  seL4_CPtr dest, seL4_Word* badge,
                                                  int receives) {
    seL4_IPCBuffer* b = seL4_GetIPCBuffer();
    uint64_t mr[4] = {b->msg[0], b->msg[1], b->msg[2], b->msg[3]};
    seL4_MessageInfo_t out;
    out.words[0] = rampart_ipc_syscall(sys, cap, info.words[0], mr, reply, dest, badge);
    if (receives)
        for (unsigned i = 0; i < 4; ++i)
            b->msg[i] = mr[i];
    return out;
}

static inline void seL4_Send(seL4_CPtr dest, seL4_MessageInfo_t info) {
    rampart_sel4_ipc(RAMPART_SYS_SEND, dest, info, 0, 0, 0, 0);
}
static inline void seL4_NBSend(seL4_CPtr dest, seL4_MessageInfo_t info) {
    rampart_sel4_ipc(RAMPART_SYS_NB_SEND, dest, info, 0, 0, 0, 0);
}
static inline seL4_MessageInfo_t seL4_Call(seL4_CPtr dest, seL4_MessageInfo_t info) {
    return rampart_sel4_ipc(RAMPART_SYS_CALL, dest, info, 0, 0, 0, 1);
}
static inline seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word* sender, seL4_CPtr reply) {
    return rampart_sel4_ipc(RAMPART_SYS_RECV, src, seL4_MessageInfo_new(0, 0, 0, 0), reply, 0,
                            sender, 1);
}
static inline seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word* sender, seL4_CPtr reply) {
    return rampart_sel4_ipc(RAMPART_SYS_NB_RECV, src, seL4_MessageInfo_new(0, 0, 0, 0), reply, 0,
                            sender, 1);
}
static inline seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr src, seL4_MessageInfo_t info,
                                                seL4_Word* sender, seL4_CPtr reply) {
    return rampart_sel4_ipc(RAMPART_SYS_REPLY_RECV, src, info, reply, 0, sender, 1);
}
static inline seL4_MessageInfo_t seL4_NBSendRecv(seL4_CPtr dest, seL4_MessageInfo_t info,
                                                 seL4_CPtr src, seL4_Word* sender,
                                                 seL4_CPtr reply) {
    return rampart_sel4_ipc(RAMPART_SYS_NB_SEND_RECV, src, info, reply, dest, sender, 1);
}
static inline seL4_MessageInfo_t seL4_NBSendWait(seL4_CPtr dest, seL4_MessageInfo_t info,
                                                 seL4_CPtr src, seL4_Word* sender) {
    return rampart_sel4_ipc(RAMPART_SYS_NB_SEND_WAIT, src, info, 0, dest, sender, 1);
}

/* Notifications: a signal is a send of no words. */
static inline void seL4_Signal(seL4_CPtr dest) {
    rampart_signal(dest);
}
static inline seL4_MessageInfo_t seL4_Wait(seL4_CPtr src, seL4_Word* sender) {
    return rampart_sel4_ipc(RAMPART_SYS_WAIT, src, seL4_MessageInfo_new(0, 0, 0, 0), 0, 0, sender,
                            1);
}
static inline seL4_MessageInfo_t seL4_NBWait(seL4_CPtr src, seL4_Word* sender) {
    return rampart_sel4_ipc(RAMPART_SYS_NB_WAIT, src, seL4_MessageInfo_new(0, 0, 0, 0), 0, 0,
                            sender, 1);
}
static inline seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word* sender) {
    return seL4_NBWait(src, sender);
}

static inline void seL4_Yield(void) {
    rampart_yield();
}

/* Debug output: one character on the kernel's console (dropped by a release kernel). */
static inline void seL4_DebugPutChar(char c) {
    rampart_debug_putchar(c);
}

/* Object invocations (the reply label is the error). */
static inline seL4_Error seL4_TCB_Suspend(seL4_CPtr tcb) {
    return RAMPART_SEL4_AS(seL4_Error, rampart_tcb_suspend(tcb));
}
static inline seL4_Error seL4_TCB_Resume(seL4_CPtr tcb) {
    return RAMPART_SEL4_AS(seL4_Error, rampart_tcb_resume(tcb));
}
static inline seL4_Error seL4_IRQHandler_Ack(seL4_CPtr handler) {
    return RAMPART_SEL4_AS(seL4_Error, rampart_irq_handler_ack(handler));
}

#ifdef __cplusplus
}
#endif

#endif
