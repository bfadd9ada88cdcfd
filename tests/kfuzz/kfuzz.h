/* The kernel system-call fuzzer's generator, shared by its two back-ends:
   the host architecture (tests/kfuzz/host: the whole kernel in one process,
   under sanitizers) and QEMU (tests/kfuzz/qemu: a root task and untrusted
   worker threads on the real kernel). Freestanding C: no libc.

   The fuzzed threads share one CSpace, the fuzz CNode (2^KF_RADIX slots, a
   cap address is a slot index). The generator keeps what it believes each
   slot holds (a back-end may refresh it from the truth) and picks calls that
   usually make sense (the right kind of cap, plausible sizes, addresses in a
   window the fuzzer maps), bent now and then into ~0 words, other caps, cut
   messages, caps without rights and deleted objects. */
#ifndef RAMPART_KFUZZ_H
#define RAMPART_KFUZZ_H

#include <rampart/bootinfo.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Random numbers: xoshiro256**, seeded through splitmix64 ---- */

struct kf_rng {
    uint64_t s[4];
    /* Or the choices come from bytes (a coverage-guided fuzzer's input):
       small ranges take one byte, larger ones more; 0 once they run out. */
    const uint8_t* data;
    uint64_t size, pos;
    int exhausted;
};
void kf_seed(struct kf_rng* r, uint64_t seed);
void kf_seed_bytes(struct kf_rng* r, const uint8_t* data, uint64_t size);
uint64_t kf_next(struct kf_rng* r);
/* Uniform in [0, n) (0 when n is 0). */
uint64_t kf_below(struct kf_rng* r, uint64_t n);
/* True with probability percent/100. */
int kf_chance(struct kf_rng* r, unsigned percent);

/* ---- The world: what the fuzzed threads can reach ---- */

#define KF_RADIX 8u
#define KF_SLOTS (1u << KF_RADIX)
#define KF_WORKERS 4u
/* Guard of the fuzz CNode as a CSpace root: a cap address is a slot index. */
#define KF_GUARD_BITS (64u - KF_RADIX)

/* What a slot holds, as far as the generator knows. */
enum kf_kind {
    KF_EMPTY = 0,
    KF_UNKNOWN,
    KF_UNTYPED,
    KF_TCB,
    KF_ENDPOINT,
    KF_NOTIFICATION,
    KF_CNODE,
    KF_SCHED_CONTEXT,
    KF_REPLY,
    KF_FRAME,
    KF_PAGE_TABLE,
    KF_VSPACE,
    KF_ASID_CONTROL,
    KF_ASID_POOL,
    KF_IRQ_CONTROL,
    KF_IRQ_HANDLER,
    KF_SCHED_CONTROL,
    KF_DOMAIN,
    KF_KIND_COUNT
};

/* The fuzz CNode's fixed slots (the world puts these caps there). */
enum kf_slot_index {
    KF_SLOT_CNODE = 1,  /* the fuzz CNode itself */
    KF_SLOT_VSPACE = 2, /* a VSpace with an ASID, for the fuzzer's mappings */
    KF_SLOT_ASID_POOL = 3,
    KF_SLOT_ASID_CONTROL = 4,
    KF_SLOT_IRQ_CONTROL = 5,
    KF_SLOT_SCHED_CONTROL = 6,
    KF_SLOT_DOMAIN = 7,
    KF_SLOT_UNTYPED = 8, /* 4 untypeds: 2^22, 2^20, 2^16, 2^12 bytes */
    KF_SLOT_TCB = 12,    /* the workers' TCBs, scheduling contexts, */
    KF_SLOT_SC = 16,     /* reply objects and IPC-buffer frames */
    KF_SLOT_REPLY = 20,
    KF_SLOT_FRAME = 24,
    KF_SLOT_ENDPOINT = 28, /* the workers' fault endpoint */
    KF_SLOT_NOTIFICATION = 29,
    KF_SLOT_FIRST_FREE = 32
};

#define KF_UNTYPED_COUNT 4u
/* Each worker runs in its own address space: the root task's image
   read-only where the root task has it, its IPC buffer at KF_IPC_VADDR, its
   private pages (stack, state) at KF_STATE_VADDR. The root task sees worker
   i's private pages at KF_ROOT_VIEW + i * KF_VIEW_STRIDE. The fuzzer's own
   mappings go to a window of the world VSpace. */
#define KF_IPC_VADDR 0x80000000ull
#define KF_STATE_VADDR 0x10000000ull
#define KF_ROOT_VIEW 0x90000000ull
#define KF_VIEW_STRIDE 0x100000ull
#define KF_MAP_BASE 0x40000000ull
#define KF_MAP_SIZE (1ull << 30)

struct kf_slot {
    uint8_t kind;
    uint8_t bits;   /* size of untypeds, frames, CNodes, SCs (when known) */
    uint8_t parent; /* the untyped slot the object came from, 0 unknown */
};

/* Calls the generator leaves out while a known defect (issue 11's findings)
   is not fixed, for back-ends that cannot step over its violations (QEMU:
   DebugCheck only says that one happened). Each goes with its fix. */
enum kf_avoid {
    KF_AVOID_REPLY_OBJECTS = 1u << 0,  /* receives without reply objects (findings 1, 3, 6) */
    KF_AVOID_NTFN_SC = 1u << 1,        /* no context bound to a notification (finding 4) */
    KF_AVOID_SPACE_CHANGE = 1u << 2,   /* no Configure or SetSpace (finding 5) */
    KF_AVOID_HUGE_REFILLS = 1u << 3,   /* a few extra refills only (finding 8) */
    KF_AVOID_NEW_ASID_POOLS = 1u << 4, /* no MakePool (finding 9) */
};

struct kf_world {
    struct kf_slot slot[KF_SLOTS];
    uint32_t irq_lines;      /* interrupt ids are below this */
    uint32_t timer_irq;      /* the kernel's own: IRQControl must refuse it */
    uint32_t register_count; /* TCB Read/WriteRegisters */
    uint32_t avoid;          /* enum kf_avoid */
};

/* The beliefs of a fresh world (fixed slots as above, the rest empty). */
void kf_world_init(struct kf_world* w, uint32_t irq_lines, uint32_t timer_irq,
                   uint32_t register_count);

/* ---- Calls ---- */

enum kf_call_kind {
    KF_CALL_SYSCALL = 0, /* a system call in the registers below */
    KF_CALL_FAULT,       /* a user fault: arg = address, number = 0 data, 1 fetch, 2 undefined */
    KF_CALL_FPU,         /* the thread uses its FP registers */
    KF_CALL_TICK,        /* time passes: arg ticks */
    KF_CALL_IRQ          /* a device raises line arg */
};

#define KF_MAX_WORDS 12u

struct kf_call {
    uint8_t kind;
    uint8_t op;          /* the generator's operation (kf_op_name) */
    uint8_t words;       /* message words 4..words-1 go to the IPC buffer */
    uint8_t set_receive; /* write the receive slot fields */
    uint64_t number;     /* system call number */
    uint64_t cptr, info, reply, dest;
    uint64_t mr[KF_MAX_WORDS]; /* message words (0..3 travel in registers) */
    uint64_t caps[3];          /* extra caps (caps_or_badges) */
    uint64_t recv_cnode, recv_index, recv_depth;
    uint64_t arg;
};

/* Generates the next call of a fuzzed thread. `kinds` allows the call kinds
   the back-end can execute (1 << enum kf_call_kind). */
void kf_generate(struct kf_rng* r, const struct kf_world* w, unsigned kinds, struct kf_call* c);

/* A back-end without the truth learns from replies: the reply's message
   info to an invocation it generated (label 0: success). */
void kf_learn(struct kf_world* w, const struct kf_call* c, uint64_t reply_info);

/* ---- Traces ---- */

const char* kf_op_name(unsigned op);
/* One line describing the call (no newline), at most `size` bytes with the NUL. */
unsigned kf_describe(const struct kf_call* c, char* out, unsigned size);

/* `v` in decimal, written at the end of `buf`; returns where it starts. */
#define KF_DECIMAL_SIZE 21 /* 20 digits of 2^64 - 1 and the NUL */
const char* kf_decimal(uint64_t v, char buf[KF_DECIMAL_SIZE]);

/* ---- Setting the world up (the root task, through a back-end) ---- */

/* An invocation by the root task in its own CSpace (the root CNode of boot,
   cap addresses are slot indices): returns the reply label (the error), the
   reply words in out[0..3] when out is not null. */
typedef uint64_t (*kf_invoke_fn)(void* self, uint64_t cptr, uint64_t label, unsigned nwords,
                                 const uint64_t* words, unsigned ncaps, const uint64_t* caps,
                                 uint64_t* out);

struct kf_setup {
    kf_invoke_fn invoke;
    void* self;
    const struct rampart_bootinfo* bootinfo;
    uint64_t worker_priority; /* the root task runs at 255 */
    uint64_t image_vaddr;     /* where the root task's image frames (boot info) begin */
    uint64_t state_pages;     /* private pages per worker (at most KF_VIEW_STRIDE) */
    /* Root-CSpace slots of what setup made (for the back-end). */
    uint64_t root_cnode_slot; /* the fuzz CNode (its original cap) */
    uint64_t tcb[KF_WORKERS], sc[KF_WORKERS], frame[KF_WORKERS], vspace[KF_WORKERS];
    uint64_t endpoint;
    uint64_t next_free; /* first free slot of the root CNode after setup */
    const char* failed; /* what failed, or null */
};

/* Makes the world: the fuzz CNode and its fixed caps, and the workers'
   objects (TCB, an address space of its own as above, scheduling context,
   reply object, IPC buffer); kf_revive_worker then starts each worker.
   Returns 0, or -1 with s->failed saying what failed. */
int kf_setup_world(struct kf_setup* s);

/* The root task as the world's supervisor: gives worker i its CSpace,
   address space, IPC buffer, fault endpoint, domain (0), priority and
   scheduling context back, writes its first `nregs` registers
   (Read/WriteRegisters order: the back-end's worker entry) and restarts it. Errors are ignored (the fuzzed
   threads may have changed anything). */
void kf_revive_worker(struct kf_setup* s, unsigned i, const uint64_t* regs, unsigned nregs);

#ifdef __cplusplus
}
#endif

#endif
