/* Invocation labels: the label of the message sent to an object capability
   (C-compatible ABI). Arguments are message words (mN) and extra caps (cN), in
   the order listed; the reply label is a rampart_error. */
#ifndef RAMPART_INVOCATIONS_H
#define RAMPART_INVOCATIONS_H

#include <stdint.h>

/* seL4's labels for AArch64 with MCS, one core, no hypervisor, SMMU or
   hardware debugging (libsel4's object-api*.xml, in the order seL4 numbers
   them). Rampart's own methods come after RAMPART_INV_EXTENSIONS, outside the
   range seL4 uses. Methods marked "not supported" return IllegalOperation. */
enum rampart_invocation_label {
    RAMPART_INV_INVALID = 0,

    /* Untyped. */
    RAMPART_UNTYPED_RETYPE = 1, /* m0 type, m1 size bits, m2 node index, m3 node depth,
                                   m4 node offset, m5 count; c0 root */

    /* TCB. Registers travel in the order of the architecture's user context
       (seL4_UserContext; AArch64: rampart/aarch64/user_context.h); the flags
       are the RAMPART_TCB_*_ bits below. */
    RAMPART_TCB_READ_REGISTERS = 2,   /* m0 flags, m1 count (1..all); reply: registers 0..count-1 */
    RAMPART_TCB_WRITE_REGISTERS = 3,  /* m0 flags, m1 count, m2.. registers (m1 of them must
                                         be sent; a count above all registers is clamped) */
    RAMPART_TCB_COPY_REGISTERS = 4,   /* m0 flags; c0 source TCB */
    RAMPART_TCB_CONFIGURE = 5,        /* m0 cspace data, m1 vspace data (unused), m2 IPC buffer
                                         vaddr; c0 cspace root, c1 vspace root, c2 buffer frame */
    RAMPART_TCB_SET_PRIORITY = 6,     /* m0 priority; c0 authority TCB */
    RAMPART_TCB_SET_MC_PRIORITY = 7,  /* m0 MCP; c0 authority TCB */
    RAMPART_TCB_SET_SCHED_PARAMS = 8, /* m0 MCP, m1 priority; c0 authority TCB */
    RAMPART_TCB_SET_TIMEOUT_ENDPOINT = 9,
    RAMPART_TCB_SET_IPC_BUFFER = 10, /* m0 vaddr (0: none); c0 frame */
    RAMPART_TCB_SET_SPACE = 11,      /* m0 cspace data, m1 vspace data (unused); c0 fault
                                        endpoint, c1 cspace root, c2 vspace root */
    RAMPART_TCB_SUSPEND = 12,
    RAMPART_TCB_RESUME = 13,
    RAMPART_TCB_BIND_NOTIFICATION = 14,
    RAMPART_TCB_UNBIND_NOTIFICATION = 15,
    RAMPART_TCB_SET_TLS_BASE = 16, /* m0 TLS base (tpidr_el0) */
    RAMPART_TCB_SET_FLAGS = 17,    /* not supported yet */

    /* CNode. index/depth address a slot relative to the invoked CNode; the
       source (and pivot) are addressed from the root in cN. */
    RAMPART_CNODE_REVOKE = 18,              /* m0 index, m1 depth */
    RAMPART_CNODE_DELETE = 19,              /* m0 index, m1 depth */
    RAMPART_CNODE_CANCEL_BADGED_SENDS = 20, /* m0 index, m1 depth (arrives with endpoints) */
    RAMPART_CNODE_COPY = 21, /* m0 dest index, m1 dest depth, m2 src index, m3 src depth,
                                m4 rights; c0 src root */
    RAMPART_CNODE_MINT = 22, /* as Copy, then m5 badge (or CNode cap data) */
    RAMPART_CNODE_MOVE = 23, /* m0 dest index, m1 dest depth, m2 src index, m3 src depth;
                                c0 src root */
    RAMPART_CNODE_MUTATE = 24, /* as Move, then m4 cap data */
    RAMPART_CNODE_ROTATE = 25, /* m0 dest index, m1 dest depth, m2 dest badge, m3 pivot index,
                                  m4 pivot depth, m5 pivot badge, m6 src index, m7 src depth;
                                  c0 pivot root, c1 src root */

    /* Interrupts. IRQControl Get: m0 irq, m1 dest index, m2 dest depth; c0 dest
       root. GetTrigger (RAMPART_IRQ_ISSUE_IRQ_HANDLER_TRIGGER, below): m0 irq,
       m1 trigger (0 level, 1 edge), m2 index, m3 depth; c0 root. IRQHandler
       SetNotification: c0 notification (signalled with its badge; the IRQ is
       masked until Ack). */
    RAMPART_IRQ_ISSUE_IRQ_HANDLER = 26,
    RAMPART_IRQ_ACK_IRQ = 27,
    RAMPART_IRQ_SET_IRQ_HANDLER = 28,
    RAMPART_IRQ_CLEAR_IRQ_HANDLER = 29,

    /* Domains. */
    RAMPART_DOMAIN_SET_SET = 30,
    RAMPART_DOMAIN_SCHEDULE_CONFIGURE = 31, /* not supported yet */
    RAMPART_DOMAIN_SCHEDULE_SET_START = 32, /* not supported yet */

    /* Scheduling contexts. SchedControl ConfigureFlags: m0 budget (µs), m1
       period (µs), m2 extra refills, m3 badge, m4 flags; c0 SchedContext.
       Bind / UnbindObject: c0 TCB or notification. Consumed and YieldTo reply
       the time consumed (µs) since the last query. */
    RAMPART_SCHED_CONTROL_CONFIGURE_FLAGS = 33,
    RAMPART_SCHED_CONTEXT_BIND = 34,
    RAMPART_SCHED_CONTEXT_UNBIND = 35,
    RAMPART_SCHED_CONTEXT_UNBIND_OBJECT = 36,
    RAMPART_SCHED_CONTEXT_CONSUMED = 37,
    RAMPART_SCHED_CONTEXT_YIELD_TO = 38,

    /* Virtual memory (AArch64). VM attributes: 1 cacheable, 4 execute never.
       Page Map: m0 vaddr, m1 rights, m2 attributes; c0 VSpace. PageTable Map:
       m0 vaddr, m1 attributes; c0 VSpace (the table goes to the first level
       without one). Cache operations: m0 start, m1 end (offsets in the frame;
       virtual addresses within one mapped page for VSpace). ASIDControl
       MakePool: m0 dest index, m1 dest depth; c0 4 KiB untyped, c1 dest root.
       ASIDPool Assign: c0 VSpace. Page GetAddress replies the physical address. */
    RAMPART_VSPACE_CLEAN_DATA = 39,
    RAMPART_VSPACE_INVALIDATE_DATA = 40,
    RAMPART_VSPACE_CLEAN_INVALIDATE_DATA = 41,
    RAMPART_VSPACE_UNIFY_INSTRUCTION = 42,
    RAMPART_SMC_CALL = 43, /* not supported (seL4 too only with CONFIG_ALLOW_SMC_CALLS) */
    RAMPART_PAGE_TABLE_MAP = 44,
    RAMPART_PAGE_TABLE_UNMAP = 45,
    RAMPART_PAGE_MAP = 46,
    RAMPART_PAGE_UNMAP = 47,
    RAMPART_PAGE_CLEAN_DATA = 48,
    RAMPART_PAGE_INVALIDATE_DATA = 49,
    RAMPART_PAGE_CLEAN_INVALIDATE_DATA = 50,
    RAMPART_PAGE_UNIFY_INSTRUCTION = 51,
    RAMPART_PAGE_GET_ADDRESS = 52,
    RAMPART_ASID_CONTROL_MAKE_POOL = 53,
    RAMPART_ASID_POOL_ASSIGN = 54,
    RAMPART_IRQ_ISSUE_IRQ_HANDLER_TRIGGER = 55,
    RAMPART_IRQ_ISSUE_SGI_SIGNAL = 56, /* not supported yet */
    RAMPART_INV_SEL4_COUNT_,           /* seL4 has no label from here on */

    /* Rampart's own methods, far above seL4's labels. */
    RAMPART_INV_EXTENSIONS = 0x10000,
    /* Attestation (docs/spec.md, "Digests"): the canonical FNV-1a 64 digest of
       the invoked CNode's slots. Resumable and bounded: m0 first slot, m1 the
       digest so far (RAMPART_DIGEST_START to begin); the kernel visits at most
       RAMPART_DIGEST_BATCH non-empty slots (an empty one counts as
       1/RAMPART_DIGEST_EMPTY_SHARE of one) and replies m0 the digest so far,
       m1 the next slot (2^radix when done). */
    RAMPART_CNODE_DIGEST = RAMPART_INV_EXTENSIONS,
    /* Replies m0 the watermark and m1 the clear mark, in bytes from the
       untyped's base (docs/boot-memory.md; the initializer checks the
       composer's plan of what boot clears against them). */
    RAMPART_UNTYPED_DESCRIBE = RAMPART_INV_EXTENSIONS + 1,
    /* Attestation: the canonical digest of the invoked VSpace's leaf mappings
       (docs/spec.md, "Digests"). m0 first vaddr, m1 the digest so far
       (RAMPART_DIGEST_START to begin); the kernel visits at most
       RAMPART_DIGEST_BATCH valid table entries (an invalid one counts as
       1/RAMPART_DIGEST_EMPTY_SHARE of one) and replies m0 the digest so far,
       m1 the next vaddr (RAMPART_DIGEST_VSPACE_END when done). */
    RAMPART_VSPACE_DIGEST = RAMPART_INV_EXTENSIONS + 2
};

/* VM attributes of Page Map and PageTable Map (seL4's values). */
#define RAMPART_ATTR_CACHEABLE 1u
#define RAMPART_ATTR_EXECUTE_NEVER 4u

/* The digest invocations' starting value (the FNV-1a 64 offset basis), the
   most non-empty slots or valid table entries one invocation visits, how many
   empty ones count as one (a table or CNode is mostly empty, and skipping an
   empty entry costs little), and the VSpace walk's end (the top of user
   space, RAMPART_USER_TOP of <rampart/aarch64/kernel_layout.h>). */
#define RAMPART_DIGEST_START 0xcbf29ce484222325ull
#define RAMPART_DIGEST_BATCH 512u
#define RAMPART_DIGEST_EMPTY_SHARE 16u
#define RAMPART_DIGEST_VSPACE_END (1ull << 47)

/* Flags of TCB ReadRegisters, WriteRegisters and CopyRegisters (m0), as
   libsel4 packs its boolean arguments. Bits 8..15 are seL4's arch_flags,
   which mean nothing on AArch64 without a hypervisor and are ignored. */
#define RAMPART_TCB_READ_SUSPEND_SOURCE 1u   /* suspend the thread read first */
#define RAMPART_TCB_WRITE_RESUME_TARGET 1u   /* restart the thread written */
#define RAMPART_TCB_COPY_SUSPEND_SOURCE 1u   /* suspend the source first */
#define RAMPART_TCB_COPY_RESUME_TARGET 2u    /* restart the destination */
#define RAMPART_TCB_COPY_TRANSFER_FRAME 4u   /* copy the frame registers */
#define RAMPART_TCB_COPY_TRANSFER_INTEGER 8u /* copy the gp registers */
#define RAMPART_TCB_ARCH_FLAGS_SHIFT 8u

#endif
