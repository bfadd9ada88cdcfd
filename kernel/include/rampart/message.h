/* Messages: the message-info word, the IPC buffer, and the register ABI of the
   IPC system calls (C-compatible). Layouts follow seL4 so that ported code
   keeps its shape; numbering is Rampart's own. */
#ifndef RAMPART_MESSAGE_H
#define RAMPART_MESSAGE_H

#include "types.h"

/* Message info (64 bits): label [63:12], caps unwrapped [11:9], extra caps
   [8:7], length in message words [6:0]. */
#define RAMPART_MSG_LENGTH_BITS 7u
#define RAMPART_MSG_EXTRA_CAPS_BITS 2u
#define RAMPART_MSG_UNWRAPPED_BITS 3u
#define RAMPART_MSG_LABEL_SHIFT 12u
#define RAMPART_MSG_MAX_LENGTH 120u
#define RAMPART_MSG_MAX_EXTRA_CAPS 3u
/* Message words that travel in registers (x2..x5 on AArch64); the rest in the IPC buffer. */
#define RAMPART_MSG_REGISTERS 4u

typedef uint64_t rampart_msginfo_t;

static inline rampart_msginfo_t rampart_msginfo_new(uint64_t label, uint64_t unwrapped,
                                                    uint64_t extra_caps, uint64_t length) {
    return (label << RAMPART_MSG_LABEL_SHIFT) | ((unwrapped & 7u) << 9) | ((extra_caps & 3u) << 7) |
           (length & 0x7fu);
}
static inline uint64_t rampart_msginfo_label(rampart_msginfo_t m) {
    return m >> RAMPART_MSG_LABEL_SHIFT;
}
static inline uint64_t rampart_msginfo_unwrapped(rampart_msginfo_t m) {
    return (m >> 9) & 7u;
}
static inline uint64_t rampart_msginfo_extra_caps(rampart_msginfo_t m) {
    return (m >> 7) & 3u;
}
static inline uint64_t rampart_msginfo_length(rampart_msginfo_t m) {
    return m & 0x7fu;
}

/* The IPC buffer: one per thread, 1 KiB, naturally aligned, mapped in the
   thread's VSpace and registered with TCB SetIPCBuffer / Configure. */
struct rampart_ipc_buffer {
    rampart_msginfo_t tag;
    uint64_t msg[RAMPART_MSG_MAX_LENGTH];
    uint64_t user_data;
    uint64_t caps_or_badges[RAMPART_MSG_MAX_EXTRA_CAPS];
    rampart_cptr_t receive_cnode;
    rampart_cptr_t receive_index;
    uint64_t receive_depth;
};

#define RAMPART_IPC_BUFFER_BITS 10u

/* AArch64 system call registers:
     x0  destination / source capability; on return the sender's badge
     x1  message info
     x2..x5  message words 0..3
     x6  reply object capability (Recv, ReplyRecv, NBRecv, NBSendRecv)
     x7  system call number (syscalls.h)
     x8  destination capability of NBSendRecv / NBSendWait
   Invocations of kernel objects are Calls on the object's capability; the reply
   label is a rampart_error and its message words are the results. */

#ifdef __cplusplus
static_assert(sizeof(struct rampart_ipc_buffer) == (1u << RAMPART_IPC_BUFFER_BITS), "ABI");
#endif

#endif
