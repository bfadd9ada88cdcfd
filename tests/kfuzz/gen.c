/* The call generator (see kfuzz.h). Each operation builds a call that would
   usually succeed given what the world holds; mutate() then bends some of
   them (a word to ~0, a cut message, another cap, no rights). */
#include "kfuzz.h"

#include <rampart/errors.h>
#include <rampart/invocations.h>
#include <rampart/message.h>
#include <rampart/objects.h>
#include <rampart/rights.h>
#include <rampart/syscalls.h>

#include "ops.h"

struct gen {
    struct kf_rng* r;
    const struct kf_world* w;
    struct kf_call* c;
};

/* ---- Choosing values ---- */

static uint64_t below(struct gen* g, uint64_t n) {
    return kf_below(g->r, n);
}

static int chance(struct gen* g, unsigned percent) {
    return kf_chance(g->r, percent);
}

/* A word an attacker would try. */
static uint64_t interesting(struct gen* g) {
    switch (below(g, 10)) {
    case 0:
        return 0;
    case 1:
        return 1;
    case 2:
        return ~0ull;
    case 3:
        return 1ull << 63;
    case 4:
        return 1ull << below(g, 64);
    case 5:
        return (1ull << below(g, 64)) - 1;
    case 6:
        return 0xffffffffull;
    case 7:
        return below(g, 256);
    default:
        return kf_next(g->r);
    }
}

/* A random slot believed to hold `kind` (0 when none). */
static uint64_t find(struct gen* g, unsigned kind) {
    unsigned n = 0;
    for (unsigned i = 1; i < KF_SLOTS; ++i)
        n += g->w->slot[i].kind == kind;
    if (n == 0)
        return 0;
    unsigned k = (unsigned)below(g, n);
    for (unsigned i = 1; i < KF_SLOTS; ++i)
        if (g->w->slot[i].kind == kind && k-- == 0)
            return i;
    return 0;
}

static uint64_t any_occupied(struct gen* g) {
    unsigned n = 0;
    for (unsigned i = 1; i < KF_SLOTS; ++i)
        n += g->w->slot[i].kind != KF_EMPTY;
    unsigned k = (unsigned)below(g, n ? n : 1);
    for (unsigned i = 1; i < KF_SLOTS; ++i)
        if (g->w->slot[i].kind != KF_EMPTY && k-- == 0)
            return i;
    return 0;
}

/* A cap address that is not a slot of the fuzz CNode, or not resolvable. */
static uint64_t wild_cptr(struct gen* g) {
    switch (below(g, 5)) {
    case 0:
        return ~0ull;
    case 1:
        return (1ull << 63) | below(g, KF_SLOTS); /* guard mismatch */
    case 2:
        return KF_SLOTS + below(g, 1024);
    case 3:
        return 0;
    default:
        return kf_next(g->r);
    }
}

/* A cap address for a role that wants `kind`: mostly such a cap. */
static uint64_t cap_of(struct gen* g, unsigned kind) {
    const uint64_t roll = below(g, 100);
    if (roll < 86) {
        const uint64_t s = find(g, kind);
        if (s)
            return s;
    }
    if (roll < 93)
        return any_occupied(g);
    if (roll < 98)
        return below(g, KF_SLOTS);
    return wild_cptr(g);
}

/* A slot for a new cap: mostly a free one above the fixed slots. */
static uint64_t free_slot(struct gen* g) {
    if (chance(g, 92)) {
        unsigned n = 0;
        for (unsigned i = KF_SLOT_FIRST_FREE; i < KF_SLOTS; ++i)
            n += g->w->slot[i].kind == KF_EMPTY;
        if (n) {
            unsigned k = (unsigned)below(g, n);
            for (unsigned i = KF_SLOT_FIRST_FREE; i < KF_SLOTS; ++i)
                if (g->w->slot[i].kind == KF_EMPTY && k-- == 0)
                    return i;
        }
    }
    return chance(g, 80) ? below(g, KF_SLOTS) : wild_cptr(g);
}

/* The depth of an index in the fuzz CNode (guard and radix: 64 bits). */
static uint64_t depth(struct gen* g) {
    if (chance(g, 95))
        return 64;
    static const uint64_t odd[] = {0, 1, KF_RADIX, 63, 65, 128, ~0ull};
    return odd[below(g, sizeof odd / sizeof odd[0])];
}

static uint64_t rights(struct gen* g) {
    const uint64_t roll = below(g, 100);
    if (roll < 70)
        return RAMPART_RIGHTS_ALL;
    if (roll < 95)
        return below(g, 16);
    return roll < 98 ? 0 : interesting(g);
}

static uint64_t badge(struct gen* g) {
    return chance(g, 85) ? 1 + below(g, 8) : interesting(g);
}

/* A page-aligned address in the fuzzer's mapping window (2 MiB blocks for
   2 MiB frames). */
static uint64_t map_vaddr(struct gen* g, unsigned bits) {
    if (chance(g, 4))
        return interesting(g);
    const uint64_t pages = KF_MAP_SIZE >> bits;
    const uint64_t slot = chance(g, 70) ? below(g, 16) : below(g, pages);
    return KF_MAP_BASE + (slot << bits);
}

static unsigned frame_bits(struct gen* g, uint64_t slot) {
    const unsigned b = slot < KF_SLOTS ? g->w->slot[slot].bits : 0;
    (void)g;
    return b == 21 || b == 30 ? b : 12;
}

/* ---- Building calls ---- */

/* seL4's call numbers are negative: x7 holds them as a signed word. */
static void syscall(struct gen* g, int64_t number, uint64_t cptr) {
    g->c->kind = KF_CALL_SYSCALL;
    g->c->number = (uint64_t)number;
    g->c->cptr = cptr;
}

/* A message of `n` words (label `label`) with `ncaps` extra caps. */
static void message(struct gen* g, uint64_t label, unsigned n, const uint64_t* words,
                    unsigned ncaps, const uint64_t* caps) {
    struct kf_call* c = g->c;
    if (n > KF_MAX_WORDS)
        n = KF_MAX_WORDS;
    for (unsigned i = 0; i < n; ++i)
        c->mr[i] = words[i];
    c->words = (uint8_t)n;
    for (unsigned i = 0; i < ncaps && i < 3; ++i)
        c->caps[i] = caps[i];
    c->info = rampart_msginfo_new(label, 0, ncaps, n);
}

/* A Call on an object cap (an invocation). */
static void invoke(struct gen* g, uint64_t cptr, uint64_t label, unsigned n, const uint64_t* words,
                   unsigned ncaps, const uint64_t* caps) {
    syscall(g, RAMPART_SYS_CALL, cptr);
    message(g, label, n, words, ncaps, caps);
}

/* Word lists; a leading 0 makes the empty list () valid C. */
#define W(...) (((const uint64_t[]){0, __VA_ARGS__}) + 1)
#define N(...) ((unsigned)(sizeof((const uint64_t[]){0, __VA_ARGS__}) / sizeof(uint64_t)) - 1)
#define INVOKE(obj, label, words, caps) invoke(g, obj, label, N words, W words, N caps, W caps)
#define INVOKE_NO_CAPS(obj, label, words) invoke(g, obj, label, N words, W words, 0, 0)

/* Where a receiver takes a granted cap: a free slot of the fuzz CNode. */
static void receive_slot(struct gen* g) {
    g->c->set_receive = 1;
    g->c->recv_cnode = chance(g, 95) ? KF_SLOT_CNODE : cap_of(g, KF_CNODE);
    g->c->recv_index = free_slot(g);
    g->c->recv_depth = depth(g);
}

/* A random user message: a label, some words, sometimes caps to grant. */
static void user_message(struct gen* g) {
    uint64_t words[KF_MAX_WORDS];
    const unsigned n = chance(g, 70) ? (unsigned)below(g, 5) : (unsigned)below(g, KF_MAX_WORDS + 1);
    for (unsigned i = 0; i < n; ++i)
        words[i] = chance(g, 70) ? below(g, 1000) : interesting(g);
    uint64_t caps[3];
    const unsigned ncaps = chance(g, 20) ? 1 + (unsigned)below(g, 3) : 0;
    for (unsigned i = 0; i < ncaps; ++i)
        caps[i] = chance(g, 85) ? any_occupied(g) : wild_cptr(g);
    message(g, chance(g, 80) ? below(g, 16) : interesting(g), n, words, ncaps, caps);
}

/* ---- The operations ---- */

static void op_send(struct gen* g, int64_t number) {
    syscall(g, number, cap_of(g, KF_ENDPOINT));
    user_message(g);
    if (number == RAMPART_SYS_CALL)
        receive_slot(g);
}

static void op_signal(struct gen* g) {
    syscall(g, chance(g, 50) ? RAMPART_SYS_SEND : RAMPART_SYS_NB_SEND, cap_of(g, KF_NOTIFICATION));
    g->c->info = 0;
}

static uint64_t reply_cap(struct gen* g) {
    if (g->w->avoid & KF_AVOID_REPLY_OBJECTS)
        return 0;
    return chance(g, 85) ? cap_of(g, KF_REPLY) : 0;
}

static void op_recv(struct gen* g, int64_t number) {
    syscall(g, number, chance(g, 90) ? cap_of(g, KF_ENDPOINT) : cap_of(g, KF_NOTIFICATION));
    g->c->reply = reply_cap(g);
    receive_slot(g);
}

static void op_wait(struct gen* g, int64_t number) {
    syscall(g, number, chance(g, 90) ? cap_of(g, KF_NOTIFICATION) : cap_of(g, KF_ENDPOINT));
}

static void op_reply_recv(struct gen* g) {
    syscall(g, RAMPART_SYS_REPLY_RECV, cap_of(g, KF_ENDPOINT));
    g->c->reply = reply_cap(g);
    user_message(g);
    receive_slot(g);
}

static void op_send_recv(struct gen* g, int wait) {
    syscall(g, wait ? RAMPART_SYS_NB_SEND_WAIT : RAMPART_SYS_NB_SEND_RECV,
            wait ? cap_of(g, KF_NOTIFICATION) : cap_of(g, KF_ENDPOINT));
    g->c->dest = chance(g, 60) ? cap_of(g, KF_ENDPOINT) : cap_of(g, KF_NOTIFICATION);
    g->c->reply = wait ? 0 : reply_cap(g);
    user_message(g);
    receive_slot(g);
}

static void op_reply(struct gen* g) {
    syscall(g, chance(g, 50) ? RAMPART_SYS_SEND : RAMPART_SYS_NB_SEND, cap_of(g, KF_REPLY));
    user_message(g);
}

static void op_bad_syscall(struct gen* g) {
    /* None is a call: 0, positive, seL4's SMP and benchmark calls, past the
       debug calls, between them and Rampart's, the most negative word. */
    static const int64_t numbers[] = {0, 1, 11, -18, -25, -34, -100, INT64_MIN};
    syscall(g, chance(g, 80) ? numbers[below(g, 8)] : (int64_t)interesting(g), any_occupied(g));
    user_message(g);
}

static void op_putchar(struct gen* g) {
    syscall(g, RAMPART_SYS_DEBUG_PUTCHAR, 'a' + below(g, 26));
}

/* CNode operations address slots of the fuzz CNode from its own cap. */
static uint64_t cnode_cap(struct gen* g) {
    return chance(g, 90) ? KF_SLOT_CNODE : cap_of(g, KF_CNODE);
}

static void op_copy(struct gen* g, int mint) {
    const uint64_t src = chance(g, 90) ? any_occupied(g) : below(g, KF_SLOTS);
    const uint64_t cn = cnode_cap(g);
    if (mint) {
        const uint64_t data = g->w->slot[src < KF_SLOTS ? src : 0].kind == KF_CNODE && chance(g, 60)
                                  ? RAMPART_CNODE_CAPDATA(0, below(g, 64))
                                  : badge(g);
        INVOKE(cn, RAMPART_CNODE_MINT, (free_slot(g), depth(g), src, depth(g), rights(g), data),
               (cnode_cap(g)));
    } else {
        INVOKE(cn, RAMPART_CNODE_COPY, (free_slot(g), depth(g), src, depth(g), rights(g)),
               (cnode_cap(g)));
    }
}

static void op_move(struct gen* g, int mutate) {
    const uint64_t src = chance(g, 90) ? any_occupied(g) : below(g, KF_SLOTS);
    if (mutate)
        INVOKE(cnode_cap(g), RAMPART_CNODE_MUTATE,
               (free_slot(g), depth(g), src, depth(g), badge(g)), (cnode_cap(g)));
    else
        INVOKE(cnode_cap(g), RAMPART_CNODE_MOVE, (free_slot(g), depth(g), src, depth(g)),
               (cnode_cap(g)));
}

static void op_rotate(struct gen* g) {
    const uint64_t src = any_occupied(g), pivot = any_occupied(g);
    const uint64_t dest = chance(g, 30) ? src : free_slot(g);
    INVOKE(cnode_cap(g), RAMPART_CNODE_ROTATE,
           (dest, depth(g), badge(g), pivot, depth(g), badge(g), src, depth(g)),
           (cnode_cap(g), cnode_cap(g)));
}

/* Delete and revoke: mostly caps the fuzzer made, sometimes the world's. */
static uint64_t victim(struct gen* g) {
    if (chance(g, 75)) {
        for (unsigned tries = 0; tries < 8; ++tries) {
            const uint64_t s = any_occupied(g);
            if (s >= KF_SLOT_FIRST_FREE)
                return s;
        }
    }
    return chance(g, 90) ? any_occupied(g) : below(g, KF_SLOTS);
}

static void op_delete(struct gen* g) {
    INVOKE_NO_CAPS(cnode_cap(g), RAMPART_CNODE_DELETE, (victim(g), depth(g)));
}

static void op_revoke(struct gen* g) {
    const uint64_t s = chance(g, 50) ? cap_of(g, KF_UNTYPED) : victim(g);
    INVOKE_NO_CAPS(cnode_cap(g), RAMPART_CNODE_REVOKE, (s, depth(g)));
}

static void op_cancel_badged(struct gen* g) {
    INVOKE_NO_CAPS(cnode_cap(g), RAMPART_CNODE_CANCEL_BADGED_SENDS,
                   (cap_of(g, KF_ENDPOINT), depth(g)));
}

static void op_cnode_digest(struct gen* g) {
    INVOKE_NO_CAPS(cap_of(g, KF_CNODE), RAMPART_CNODE_DIGEST,
                   (chance(g, 80) ? below(g, KF_SLOTS) : interesting(g), RAMPART_DIGEST_START));
}

/* Retype: a type, a plausible size for it, a window of free slots. */
static void op_retype(struct gen* g) {
    static const uint8_t types[] = {
        RAMPART_OBJ_FRAME_4K, RAMPART_OBJ_FRAME_4K,      RAMPART_OBJ_TCB,
        RAMPART_OBJ_ENDPOINT, RAMPART_OBJ_ENDPOINT,      RAMPART_OBJ_NOTIFICATION,
        RAMPART_OBJ_CNODE,    RAMPART_OBJ_SCHED_CONTEXT, RAMPART_OBJ_REPLY,
        RAMPART_OBJ_REPLY,    RAMPART_OBJ_PAGE_TABLE,    RAMPART_OBJ_VSPACE,
        RAMPART_OBJ_UNTYPED,  RAMPART_OBJ_FRAME_2M,      RAMPART_OBJ_FRAME_1G};
    uint64_t type = types[below(g, sizeof types)];
    uint64_t bits = 0;
    switch (type) {
    case RAMPART_OBJ_CNODE:
        bits = 1 + below(g, 5);
        break;
    case RAMPART_OBJ_SCHED_CONTEXT:
        bits = RAMPART_SCHED_CONTEXT_MIN_BITS + below(g, 2);
        break;
    case RAMPART_OBJ_UNTYPED:
        bits = 4 + below(g, 14);
        break;
    default:
        break;
    }
    if (chance(g, 4))
        type = chance(g, 50) ? RAMPART_OBJ_TYPE_COUNT + below(g, 4) : interesting(g);
    if (chance(g, 4))
        bits = interesting(g);
    const uint64_t count = chance(g, 75) ? 1 : chance(g, 90) ? 2 + below(g, 3) : interesting(g);
    /* Mostly into the CSpace root itself (depth 0); sometimes through the
       fuzz CNode's own slot. */
    const int direct = chance(g, 85);
    INVOKE(cap_of(g, KF_UNTYPED), RAMPART_UNTYPED_RETYPE,
           (type, bits, direct ? 0 : KF_SLOT_CNODE, direct ? 0 : depth(g), free_slot(g), count),
           (cnode_cap(g)));
}

/* ---- Threads ---- */

static uint64_t ipc_vaddr(struct gen* g) {
    const uint64_t roll = below(g, 100);
    if (roll < 10)
        return 0;
    if (roll < 60)
        return KF_IPC_VADDR + (below(g, KF_WORKERS) << 12);
    if (roll < 90)
        return map_vaddr(g, 12) + (chance(g, 90) ? 0 : below(g, 4) << RAMPART_IPC_BUFFER_BITS);
    return interesting(g);
}

static uint64_t cspace_data(struct gen* g) {
    if (chance(g, 85))
        return 0;
    return chance(g, 50) ? RAMPART_CNODE_CAPDATA(0, below(g, 64)) : interesting(g);
}

static void op_configure(struct gen* g) {
    INVOKE(cap_of(g, KF_TCB), RAMPART_TCB_CONFIGURE, (cspace_data(g), 0, ipc_vaddr(g)),
           (cap_of(g, KF_CNODE), cap_of(g, KF_VSPACE), cap_of(g, KF_FRAME)));
}

static void op_set_space(struct gen* g) {
    const uint64_t handler = chance(g, 80) ? cap_of(g, KF_ENDPOINT) : free_slot(g);
    INVOKE(cap_of(g, KF_TCB), RAMPART_TCB_SET_SPACE, (cspace_data(g), 0),
           (handler, cap_of(g, KF_CNODE), cap_of(g, KF_VSPACE)));
}

static void op_set_ipc_buffer(struct gen* g) {
    INVOKE(cap_of(g, KF_TCB), RAMPART_TCB_SET_IPC_BUFFER, (ipc_vaddr(g)), (cap_of(g, KF_FRAME)));
}

static uint64_t priority(struct gen* g) {
    return chance(g, 90) ? below(g, 256) : interesting(g);
}

static void op_priority(struct gen* g, uint64_t label) {
    const uint64_t tcb = cap_of(g, KF_TCB), auth = cap_of(g, KF_TCB);
    if (label == RAMPART_TCB_SET_SCHED_PARAMS)
        INVOKE(tcb, label, (priority(g), priority(g)), (auth));
    else
        INVOKE(tcb, label, (priority(g)), (auth));
}

static uint64_t register_count(struct gen* g) {
    if (chance(g, 90))
        return 1 + below(g, g->w->register_count);
    return chance(g, 50) ? g->w->register_count + below(g, 4) : interesting(g);
}

static void op_read_registers(struct gen* g) {
    INVOKE_NO_CAPS(cap_of(g, KF_TCB), RAMPART_TCB_READ_REGISTERS,
                   (below(g, 2) | (chance(g, 10) ? below(g, 256) << 8 : 0), register_count(g)));
}

/* Written registers: an instruction address that is mostly a system call
   of the worker's loop (host: 4-aligned), other words random. */
static void op_write_registers(struct gen* g) {
    uint64_t words[KF_MAX_WORDS];
    const uint64_t count = register_count(g);
    /* flags: mostly resume; sometimes other bits, seL4's arch flags among them */
    words[0] = chance(g, 50) ? RAMPART_TCB_WRITE_RESUME_TARGET
                             : below(g, 4) | (chance(g, 10) ? below(g, 256) << 8 : 0);
    words[1] = count;
    unsigned n = 2;
    for (uint64_t i = 0; i < count && n < KF_MAX_WORDS; ++i, ++n)
        words[n] = i == 0 && chance(g, 60) ? below(g, 1u << 20) << 2 : interesting(g);
    invoke(g, cap_of(g, KF_TCB), RAMPART_TCB_WRITE_REGISTERS, n, words, 0, 0);
}

static void op_copy_registers(struct gen* g) {
    INVOKE(cap_of(g, KF_TCB), RAMPART_TCB_COPY_REGISTERS, (below(g, 16)), (cap_of(g, KF_TCB)));
}

static void op_tcb_plain(struct gen* g, uint64_t label) {
    INVOKE_NO_CAPS(cap_of(g, KF_TCB), label, ());
}

static void op_bind_notification(struct gen* g) {
    INVOKE(cap_of(g, KF_TCB), RAMPART_TCB_BIND_NOTIFICATION, (), (cap_of(g, KF_NOTIFICATION)));
}

static void op_tls(struct gen* g) {
    INVOKE_NO_CAPS(cap_of(g, KF_TCB), RAMPART_TCB_SET_TLS_BASE, (interesting(g)));
}

static void op_timeout_endpoint(struct gen* g) {
    INVOKE(cap_of(g, KF_TCB), RAMPART_TCB_SET_TIMEOUT_ENDPOINT, (),
           (chance(g, 80) ? cap_of(g, KF_ENDPOINT) : free_slot(g)));
}

/* ---- Scheduling contexts ---- */

static void op_sc_configure(struct gen* g) {
    uint64_t budget = 100 + below(g, 5000);
    uint64_t period = chance(g, 50) ? budget : budget * (1 + below(g, 4));
    uint64_t extra =
        chance(g, 80) || (g->w->avoid & KF_AVOID_HUGE_REFILLS) ? below(g, 4) : interesting(g);
    if (chance(g, 5))
        budget = interesting(g);
    if (chance(g, 5))
        period = interesting(g);
    INVOKE(cap_of(g, KF_SCHED_CONTROL), RAMPART_SCHED_CONTROL_CONFIGURE_FLAGS,
           (budget, period, extra, badge(g), chance(g, 90) ? 0 : interesting(g)),
           (cap_of(g, KF_SCHED_CONTEXT)));
}

static void op_sc_bind(struct gen* g, uint64_t label) {
    const int ntfn = !(g->w->avoid & KF_AVOID_NTFN_SC) && chance(g, 30);
    INVOKE(cap_of(g, KF_SCHED_CONTEXT), label, (),
           (ntfn ? cap_of(g, KF_NOTIFICATION) : cap_of(g, KF_TCB)));
}

static void op_sc_plain(struct gen* g, uint64_t label) {
    INVOKE_NO_CAPS(cap_of(g, KF_SCHED_CONTEXT), label, ());
}

/* ---- Interrupts ---- */

static uint64_t irq_line(struct gen* g) {
    const uint64_t roll = below(g, 100);
    if (roll < 85)
        return 32 + below(g, 16);
    if (roll < 92)
        return g->w->timer_irq;
    return chance(g, 50) ? below(g, g->w->irq_lines + 8) : interesting(g);
}

static void op_irq_get(struct gen* g, int trigger) {
    if (trigger)
        INVOKE(cap_of(g, KF_IRQ_CONTROL), RAMPART_IRQ_ISSUE_IRQ_HANDLER_TRIGGER,
               (irq_line(g), below(g, 2), free_slot(g), depth(g)), (cnode_cap(g)));
    else
        INVOKE(cap_of(g, KF_IRQ_CONTROL), RAMPART_IRQ_ISSUE_IRQ_HANDLER,
               (irq_line(g), free_slot(g), depth(g)), (cnode_cap(g)));
}

static void op_irq_set(struct gen* g) {
    INVOKE(cap_of(g, KF_IRQ_HANDLER), RAMPART_IRQ_SET_IRQ_HANDLER, (),
           (cap_of(g, KF_NOTIFICATION)));
}

static void op_irq_plain(struct gen* g, uint64_t label) {
    INVOKE_NO_CAPS(cap_of(g, KF_IRQ_HANDLER), label, ());
}

static void op_domain(struct gen* g) {
    INVOKE(cap_of(g, KF_DOMAIN), RAMPART_DOMAIN_SET_SET,
           (chance(g, 90) ? below(g, 4) : interesting(g)), (cap_of(g, KF_TCB)));
}

/* ---- Virtual memory ---- */

static uint64_t vm_attrs(struct gen* g) {
    return chance(g, 90) ? below(g, 8) : interesting(g);
}

static void op_pt_map(struct gen* g) {
    INVOKE(cap_of(g, KF_PAGE_TABLE), RAMPART_PAGE_TABLE_MAP, (map_vaddr(g, 21), vm_attrs(g)),
           (cap_of(g, KF_VSPACE)));
}

static void op_page_map(struct gen* g) {
    const uint64_t frame = cap_of(g, KF_FRAME);
    INVOKE(frame, RAMPART_PAGE_MAP, (map_vaddr(g, frame_bits(g, frame)), rights(g), vm_attrs(g)),
           (cap_of(g, KF_VSPACE)));
}

static void op_page_cache(struct gen* g) {
    static const uint64_t labels[] = {RAMPART_PAGE_CLEAN_DATA, RAMPART_PAGE_INVALIDATE_DATA,
                                      RAMPART_PAGE_CLEAN_INVALIDATE_DATA,
                                      RAMPART_PAGE_UNIFY_INSTRUCTION};
    const uint64_t frame = cap_of(g, KF_FRAME);
    const uint64_t size = 1ull << frame_bits(g, frame);
    const uint64_t start = chance(g, 90) ? below(g, size) : interesting(g);
    const uint64_t end =
        chance(g, 90) ? start + 1 + below(g, size - (start % size)) : interesting(g);
    INVOKE_NO_CAPS(frame, labels[below(g, 4)], (start, end));
}

static void op_vspace_cache(struct gen* g) {
    const uint64_t start = map_vaddr(g, 12) + below(g, 4096);
    INVOKE_NO_CAPS(cap_of(g, KF_VSPACE), RAMPART_VSPACE_CLEAN_DATA + below(g, 4),
                   (start, chance(g, 90) ? start + 1 + below(g, 64) : interesting(g)));
}

static void op_vspace_digest(struct gen* g) {
    INVOKE_NO_CAPS(cap_of(g, KF_VSPACE), RAMPART_VSPACE_DIGEST,
                   (chance(g, 80) ? map_vaddr(g, 12) : interesting(g), RAMPART_DIGEST_START));
}

static void op_make_pool(struct gen* g) {
    INVOKE(cap_of(g, KF_ASID_CONTROL), RAMPART_ASID_CONTROL_MAKE_POOL, (free_slot(g), depth(g)),
           (cap_of(g, KF_UNTYPED), cnode_cap(g)));
}

static void op_assign(struct gen* g) {
    INVOKE(cap_of(g, KF_ASID_POOL), RAMPART_ASID_POOL_ASSIGN, (), (cap_of(g, KF_VSPACE)));
}

/* Any label on any cap, with random words and caps. */
static void op_random_invoke(struct gen* g) {
    syscall(g, RAMPART_SYS_CALL, chance(g, 90) ? any_occupied(g) : wild_cptr(g));
    user_message(g);
    g->c->info = rampart_msginfo_new(
        chance(g, 80) ? below(g, 130) : interesting(g), rampart_msginfo_unwrapped(g->c->info),
        rampart_msginfo_extra_caps(g->c->info), rampart_msginfo_length(g->c->info));
}

/* ---- The machine ---- */

static void op_fault(struct gen* g) {
    g->c->kind = KF_CALL_FAULT;
    g->c->number = below(g, 3);
    g->c->arg = chance(g, 50) ? map_vaddr(g, 12) + below(g, 4096) : interesting(g);
}

static void op_tick(struct gen* g) {
    g->c->kind = KF_CALL_TICK;
    g->c->arg = chance(g, 80) ? below(g, 200000) : below(g, 100000000);
}

static void op_irq(struct gen* g) {
    g->c->kind = KF_CALL_IRQ;
    g->c->arg = irq_line(g);
}

/* ---- Bending a call ---- */

static void mutate(struct gen* g) {
    struct kf_call* c = g->c;
    switch (below(g, 6)) {
    case 0: /* a word to what an attacker would try */
        if (c->words)
            c->mr[below(g, c->words)] = interesting(g);
        break;
    case 1: /* a cut (or overlong) message */
        c->info = rampart_msginfo_new(
            rampart_msginfo_label(c->info), 0, rampart_msginfo_extra_caps(c->info),
            chance(g, 80) && c->words ? below(g, c->words) : below(g, 128));
        break;
    case 2: /* fewer or more extra caps, or other ones */
        c->info = rampart_msginfo_new(rampart_msginfo_label(c->info), 0, below(g, 4),
                                      rampart_msginfo_length(c->info));
        c->caps[below(g, 3)] = chance(g, 70) ? any_occupied(g) : wild_cptr(g);
        break;
    case 3: /* another cap, or none */
        c->cptr = chance(g, 70) ? any_occupied(g) : wild_cptr(g);
        break;
    case 4: /* another label */
        c->info = rampart_msginfo_new(chance(g, 50) ? below(g, 130) : interesting(g), 0,
                                      rampart_msginfo_extra_caps(c->info),
                                      rampart_msginfo_length(c->info));
        break;
    default: /* the receive slot, the reply object */
        c->recv_index = chance(g, 50) ? below(g, KF_SLOTS) : interesting(g);
        c->reply = chance(g, 50) ? any_occupied(g) : wild_cptr(g);
        c->set_receive = 1;
        break;
    }
}

/* ---- The mix ---- */

struct weighted {
    uint8_t op;
    uint8_t weight;
};

static const struct weighted mix[] = {
    {KF_OP_SEND, 3},
    {KF_OP_NB_SEND, 5},
    {KF_OP_CALL, 4},
    {KF_OP_SIGNAL, 5},
    {KF_OP_RECV, 2},
    {KF_OP_NB_RECV, 4},
    {KF_OP_WAIT, 2},
    {KF_OP_POLL, 4},
    {KF_OP_REPLY_RECV, 3},
    {KF_OP_NB_SEND_RECV, 1},
    {KF_OP_NB_SEND_WAIT, 1},
    {KF_OP_REPLY, 3},
    {KF_OP_YIELD, 2},
    {KF_OP_BAD_SYSCALL, 1},
    {KF_OP_PUTCHAR, 1},
    {KF_OP_COPY, 4},
    {KF_OP_MINT, 4},
    {KF_OP_MOVE, 2},
    {KF_OP_MUTATE, 1},
    {KF_OP_ROTATE, 1},
    {KF_OP_DELETE, 6},
    {KF_OP_REVOKE, 3},
    {KF_OP_CANCEL_BADGED, 1},
    {KF_OP_CNODE_DIGEST, 1},
    {KF_OP_RETYPE, 12},
    {KF_OP_CONFIGURE, 2},
    {KF_OP_SET_SPACE, 2},
    {KF_OP_SET_IPC_BUFFER, 1},
    {KF_OP_SET_PRIORITY, 2},
    {KF_OP_SET_MCP, 1},
    {KF_OP_SET_SCHED_PARAMS, 1},
    {KF_OP_READ_REGS, 1},
    {KF_OP_WRITE_REGS, 2},
    {KF_OP_COPY_REGS, 1},
    {KF_OP_SUSPEND, 2},
    {KF_OP_RESUME, 3},
    {KF_OP_BIND_NTFN, 2},
    {KF_OP_UNBIND_NTFN, 1},
    {KF_OP_TLS, 1},
    {KF_OP_TIMEOUT_EP, 1},
    {KF_OP_SC_CONFIGURE, 4},
    {KF_OP_SC_BIND, 3},
    {KF_OP_SC_UNBIND, 2},
    {KF_OP_SC_UNBIND_OBJECT, 1},
    {KF_OP_SC_CONSUMED, 1},
    {KF_OP_SC_YIELD_TO, 1},
    {KF_OP_IRQ_GET, 2},
    {KF_OP_IRQ_GET_TRIGGER, 1},
    {KF_OP_IRQ_SET, 2},
    {KF_OP_IRQ_ACK, 2},
    {KF_OP_IRQ_CLEAR, 1},
    {KF_OP_DOMAIN, 1},
    {KF_OP_PT_MAP, 2},
    {KF_OP_PT_UNMAP, 1},
    {KF_OP_PAGE_MAP, 3},
    {KF_OP_PAGE_UNMAP, 1},
    {KF_OP_PAGE_ADDRESS, 1},
    {KF_OP_PAGE_CACHE, 1},
    {KF_OP_MAKE_POOL, 1},
    {KF_OP_ASSIGN, 2},
    {KF_OP_VSPACE_CACHE, 1},
    {KF_OP_VSPACE_DIGEST, 1},
    {KF_OP_RANDOM_INVOKE, 3},
    {KF_OP_FAULT, 1},
    {KF_OP_FPU, 2},
    {KF_OP_TICK, 4},
    {KF_OP_IRQ, 2},
};

static unsigned call_kind(unsigned op) {
    switch (op) {
    case KF_OP_FAULT:
        return KF_CALL_FAULT;
    case KF_OP_FPU:
        return KF_CALL_FPU;
    case KF_OP_TICK:
        return KF_CALL_TICK;
    case KF_OP_IRQ:
        return KF_CALL_IRQ;
    default:
        return KF_CALL_SYSCALL;
    }
}

static int allowed(struct gen* g, unsigned kinds, unsigned op) {
    if (!(kinds & (1u << call_kind(op))))
        return 0;
    if ((g->w->avoid & KF_AVOID_SPACE_CHANGE) && (op == KF_OP_CONFIGURE || op == KF_OP_SET_SPACE))
        return 0;
    if ((g->w->avoid & KF_AVOID_NEW_ASID_POOLS) && op == KF_OP_MAKE_POOL)
        return 0;
    return 1;
}

static unsigned pick_op(struct gen* g, unsigned kinds) {
    unsigned total = 0;
    for (unsigned i = 0; i < sizeof mix / sizeof mix[0]; ++i)
        if (allowed(g, kinds, mix[i].op))
            total += mix[i].weight;
    unsigned k = (unsigned)below(g, total);
    for (unsigned i = 0; i < sizeof mix / sizeof mix[0]; ++i) {
        if (!allowed(g, kinds, mix[i].op))
            continue;
        if (k < mix[i].weight)
            return mix[i].op;
        k -= mix[i].weight;
    }
    return KF_OP_YIELD;
}

void kf_generate(struct kf_rng* r, const struct kf_world* w, unsigned kinds, struct kf_call* c) {
    struct gen gen = {r, w, c};
    struct gen* g = &gen;
    const struct kf_call empty = {0};
    *c = empty;
    const unsigned op = pick_op(g, kinds);
    c->op = (uint8_t)op;
    switch (op) {
    case KF_OP_SEND:
        op_send(g, RAMPART_SYS_SEND);
        break;
    case KF_OP_NB_SEND:
        op_send(g, RAMPART_SYS_NB_SEND);
        break;
    case KF_OP_CALL:
        op_send(g, RAMPART_SYS_CALL);
        break;
    case KF_OP_SIGNAL:
        op_signal(g);
        break;
    case KF_OP_RECV:
        op_recv(g, RAMPART_SYS_RECV);
        break;
    case KF_OP_NB_RECV:
        op_recv(g, RAMPART_SYS_NB_RECV);
        break;
    case KF_OP_WAIT:
        op_wait(g, RAMPART_SYS_WAIT);
        break;
    case KF_OP_POLL:
        op_wait(g, RAMPART_SYS_NB_WAIT);
        break;
    case KF_OP_REPLY_RECV:
        op_reply_recv(g);
        break;
    case KF_OP_NB_SEND_RECV:
        op_send_recv(g, 0);
        break;
    case KF_OP_NB_SEND_WAIT:
        op_send_recv(g, 1);
        break;
    case KF_OP_REPLY:
        op_reply(g);
        break;
    case KF_OP_YIELD:
        syscall(g, RAMPART_SYS_YIELD, 0);
        break;
    case KF_OP_BAD_SYSCALL:
        op_bad_syscall(g);
        break;
    case KF_OP_PUTCHAR:
        op_putchar(g);
        break;
    case KF_OP_COPY:
        op_copy(g, 0);
        break;
    case KF_OP_MINT:
        op_copy(g, 1);
        break;
    case KF_OP_MOVE:
        op_move(g, 0);
        break;
    case KF_OP_MUTATE:
        op_move(g, 1);
        break;
    case KF_OP_ROTATE:
        op_rotate(g);
        break;
    case KF_OP_DELETE:
        op_delete(g);
        break;
    case KF_OP_REVOKE:
        op_revoke(g);
        break;
    case KF_OP_CANCEL_BADGED:
        op_cancel_badged(g);
        break;
    case KF_OP_CNODE_DIGEST:
        op_cnode_digest(g);
        break;
    case KF_OP_RETYPE:
        op_retype(g);
        break;
    case KF_OP_CONFIGURE:
        op_configure(g);
        break;
    case KF_OP_SET_SPACE:
        op_set_space(g);
        break;
    case KF_OP_SET_IPC_BUFFER:
        op_set_ipc_buffer(g);
        break;
    case KF_OP_SET_PRIORITY:
        op_priority(g, RAMPART_TCB_SET_PRIORITY);
        break;
    case KF_OP_SET_MCP:
        op_priority(g, RAMPART_TCB_SET_MC_PRIORITY);
        break;
    case KF_OP_SET_SCHED_PARAMS:
        op_priority(g, RAMPART_TCB_SET_SCHED_PARAMS);
        break;
    case KF_OP_READ_REGS:
        op_read_registers(g);
        break;
    case KF_OP_WRITE_REGS:
        op_write_registers(g);
        break;
    case KF_OP_COPY_REGS:
        op_copy_registers(g);
        break;
    case KF_OP_SUSPEND:
        op_tcb_plain(g, RAMPART_TCB_SUSPEND);
        break;
    case KF_OP_RESUME:
        op_tcb_plain(g, RAMPART_TCB_RESUME);
        break;
    case KF_OP_BIND_NTFN:
        op_bind_notification(g);
        break;
    case KF_OP_UNBIND_NTFN:
        op_tcb_plain(g, RAMPART_TCB_UNBIND_NOTIFICATION);
        break;
    case KF_OP_TLS:
        op_tls(g);
        break;
    case KF_OP_TIMEOUT_EP:
        op_timeout_endpoint(g);
        break;
    case KF_OP_SC_CONFIGURE:
        op_sc_configure(g);
        break;
    case KF_OP_SC_BIND:
        op_sc_bind(g, RAMPART_SCHED_CONTEXT_BIND);
        break;
    case KF_OP_SC_UNBIND:
        op_sc_plain(g, RAMPART_SCHED_CONTEXT_UNBIND);
        break;
    case KF_OP_SC_UNBIND_OBJECT:
        op_sc_bind(g, RAMPART_SCHED_CONTEXT_UNBIND_OBJECT);
        break;
    case KF_OP_SC_CONSUMED:
        op_sc_plain(g, RAMPART_SCHED_CONTEXT_CONSUMED);
        break;
    case KF_OP_SC_YIELD_TO:
        op_sc_plain(g, RAMPART_SCHED_CONTEXT_YIELD_TO);
        break;
    case KF_OP_IRQ_GET:
        op_irq_get(g, 0);
        break;
    case KF_OP_IRQ_GET_TRIGGER:
        op_irq_get(g, 1);
        break;
    case KF_OP_IRQ_SET:
        op_irq_set(g);
        break;
    case KF_OP_IRQ_ACK:
        op_irq_plain(g, RAMPART_IRQ_ACK_IRQ);
        break;
    case KF_OP_IRQ_CLEAR:
        op_irq_plain(g, RAMPART_IRQ_CLEAR_IRQ_HANDLER);
        break;
    case KF_OP_DOMAIN:
        op_domain(g);
        break;
    case KF_OP_PT_MAP:
        op_pt_map(g);
        break;
    case KF_OP_PT_UNMAP:
        INVOKE_NO_CAPS(cap_of(g, KF_PAGE_TABLE), RAMPART_PAGE_TABLE_UNMAP, ());
        break;
    case KF_OP_PAGE_MAP:
        op_page_map(g);
        break;
    case KF_OP_PAGE_UNMAP:
        INVOKE_NO_CAPS(cap_of(g, KF_FRAME), RAMPART_PAGE_UNMAP, ());
        break;
    case KF_OP_PAGE_ADDRESS:
        INVOKE_NO_CAPS(cap_of(g, KF_FRAME), RAMPART_PAGE_GET_ADDRESS, ());
        break;
    case KF_OP_PAGE_CACHE:
        op_page_cache(g);
        break;
    case KF_OP_MAKE_POOL:
        op_make_pool(g);
        break;
    case KF_OP_ASSIGN:
        op_assign(g);
        break;
    case KF_OP_VSPACE_CACHE:
        op_vspace_cache(g);
        break;
    case KF_OP_VSPACE_DIGEST:
        op_vspace_digest(g);
        break;
    case KF_OP_RANDOM_INVOKE:
        op_random_invoke(g);
        break;
    case KF_OP_FAULT:
        op_fault(g);
        break;
    case KF_OP_FPU:
        c->kind = KF_CALL_FPU;
        break;
    case KF_OP_TICK:
        op_tick(g);
        break;
    case KF_OP_IRQ:
        op_irq(g);
        break;
    default:
        syscall(g, RAMPART_SYS_YIELD, 0);
        break;
    }
    if (c->kind == KF_CALL_SYSCALL && chance(g, 8))
        mutate(g);
}
