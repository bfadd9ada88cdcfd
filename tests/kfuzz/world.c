/* The fuzz world: its fixed caps, what the generator believes at the start,
   what a back-end without the truth learns from replies, and its setup by
   the root task (see kfuzz.h). */
#include "kfuzz.h"

#include <rampart/errors.h>
#include <rampart/invocations.h>
#include <rampart/message.h>
#include <rampart/objects.h>
#include <rampart/rights.h>

#include "ops.h"

static const uint8_t untyped_bits[KF_UNTYPED_COUNT] = {22, 20, 16, 12};

static void set(struct kf_world* w, unsigned slot, unsigned kind, unsigned bits) {
    w->slot[slot].kind = (uint8_t)kind;
    w->slot[slot].bits = (uint8_t)bits;
    w->slot[slot].parent = 0;
}

void kf_world_init(struct kf_world* w, uint32_t irq_lines, uint32_t timer_irq,
                   uint32_t register_count) {
    for (unsigned i = 0; i < KF_SLOTS; ++i)
        set(w, i, KF_EMPTY, 0);
    w->irq_lines = irq_lines;
    w->timer_irq = timer_irq;
    w->register_count = register_count;
    w->avoid = 0;
    set(w, KF_SLOT_CNODE, KF_CNODE, KF_RADIX);
    set(w, KF_SLOT_VSPACE, KF_VSPACE, 12);
    set(w, KF_SLOT_ASID_POOL, KF_ASID_POOL, 12);
    set(w, KF_SLOT_ASID_CONTROL, KF_ASID_CONTROL, 0);
    set(w, KF_SLOT_IRQ_CONTROL, KF_IRQ_CONTROL, 0);
    set(w, KF_SLOT_SCHED_CONTROL, KF_SCHED_CONTROL, 0);
    set(w, KF_SLOT_DOMAIN, KF_DOMAIN, 0);
    for (unsigned i = 0; i < KF_UNTYPED_COUNT; ++i)
        set(w, KF_SLOT_UNTYPED + i, KF_UNTYPED, untyped_bits[i]);
    for (unsigned i = 0; i < KF_WORKERS; ++i) {
        set(w, KF_SLOT_TCB + i, KF_TCB, 0);
        set(w, KF_SLOT_SC + i, KF_SCHED_CONTEXT, RAMPART_SCHED_CONTEXT_MIN_BITS);
        set(w, KF_SLOT_REPLY + i, KF_REPLY, 0);
        set(w, KF_SLOT_FRAME + i, KF_FRAME, 12);
    }
    set(w, KF_SLOT_ENDPOINT, KF_ENDPOINT, 0);
    set(w, KF_SLOT_NOTIFICATION, KF_NOTIFICATION, 0);
}

/* ---- Learning from replies (back-ends without the truth) ---- */

static unsigned kind_of_type(uint64_t type, uint64_t* bits) {
    switch (type) {
    case RAMPART_OBJ_UNTYPED:
        return KF_UNTYPED;
    case RAMPART_OBJ_TCB:
        return KF_TCB;
    case RAMPART_OBJ_ENDPOINT:
        return KF_ENDPOINT;
    case RAMPART_OBJ_NOTIFICATION:
        return KF_NOTIFICATION;
    case RAMPART_OBJ_CNODE:
        return KF_CNODE;
    case RAMPART_OBJ_SCHED_CONTEXT:
        return KF_SCHED_CONTEXT;
    case RAMPART_OBJ_REPLY:
        return KF_REPLY;
    case RAMPART_OBJ_FRAME_4K:
        *bits = 12;
        return KF_FRAME;
    case RAMPART_OBJ_FRAME_2M:
        *bits = 21;
        return KF_FRAME;
    case RAMPART_OBJ_FRAME_1G:
        *bits = 30;
        return KF_FRAME;
    case RAMPART_OBJ_PAGE_TABLE:
        return KF_PAGE_TABLE;
    case RAMPART_OBJ_VSPACE:
        return KF_VSPACE;
    default:
        return KF_UNKNOWN;
    }
}

static int is_slot(uint64_t s) {
    return s > 0 && s < KF_SLOTS;
}

static void copy_belief(struct kf_world* w, uint64_t to, uint64_t from) {
    if (is_slot(to))
        w->slot[to] = is_slot(from) ? w->slot[from] : (struct kf_slot){KF_UNKNOWN, 0, 0};
}

void kf_learn(struct kf_world* w, const struct kf_call* c, uint64_t reply_info) {
    if (c->kind != KF_CALL_SYSCALL)
        return;
    const uint64_t label = rampart_msginfo_label(reply_info);
    /* A granted cap may have arrived in the receive slot. */
    if (c->set_receive && is_slot(c->recv_index) &&
        rampart_msginfo_extra_caps(reply_info) > rampart_msginfo_unwrapped(reply_info) &&
        w->slot[c->recv_index].kind == KF_EMPTY)
        w->slot[c->recv_index].kind = KF_UNKNOWN;
    if (label != RAMPART_NO_ERROR || c->words < 2)
        return;
    const uint64_t* m = c->mr;
    switch (c->op) {
    case KF_OP_RETYPE: {
        uint64_t bits = m[1];
        const unsigned kind = kind_of_type(m[0], &bits);
        if (m[3] != 0 && !(m[2] == KF_SLOT_CNODE && m[3] == 64))
            return;
        for (uint64_t i = 0; i < m[5] && m[4] + i < KF_SLOTS; ++i) {
            w->slot[m[4] + i].kind = (uint8_t)kind;
            w->slot[m[4] + i].bits = (uint8_t)bits;
            w->slot[m[4] + i].parent = is_slot(c->cptr) ? (uint8_t)c->cptr : 0;
        }
        return;
    }
    case KF_OP_COPY:
    case KF_OP_MINT:
        copy_belief(w, m[0], m[2]);
        return;
    case KF_OP_MOVE:
    case KF_OP_MUTATE:
        copy_belief(w, m[0], m[2]);
        if (is_slot(m[2]) && m[0] != m[2])
            w->slot[m[2]].kind = KF_EMPTY;
        return;
    case KF_OP_ROTATE:
        if (c->words >= 8) {
            const struct kf_slot src = is_slot(m[6]) ? w->slot[m[6]] : w->slot[0];
            copy_belief(w, m[0], m[3]);
            if (is_slot(m[3]))
                w->slot[m[3]] = src;
            if (is_slot(m[6]) && m[6] != m[0])
                w->slot[m[6]].kind = KF_EMPTY;
        }
        return;
    case KF_OP_DELETE:
        if (is_slot(m[0]))
            w->slot[m[0]].kind = KF_EMPTY;
        return;
    case KF_OP_REVOKE:
        if (is_slot(m[0]) && w->slot[m[0]].kind == KF_UNTYPED)
            for (unsigned i = 1; i < KF_SLOTS; ++i)
                if (w->slot[i].parent == m[0])
                    w->slot[i].kind = KF_EMPTY;
        return;
    case KF_OP_MAKE_POOL:
        if (is_slot(m[0]))
            w->slot[m[0]].kind = KF_ASID_POOL;
        return;
    case KF_OP_IRQ_GET:
    case KF_OP_IRQ_GET_TRIGGER: {
        const uint64_t dest = c->op == KF_OP_IRQ_GET ? m[1] : m[2];
        if (is_slot(dest))
            w->slot[dest].kind = KF_IRQ_HANDLER;
        return;
    }
    default:
        return;
    }
}

/* ---- Setup by the root task ---- */

#define ROOT_DEPTH 64u

struct setup {
    struct kf_setup* s;
    uint64_t next; /* next free root slot */
};

static int call(struct setup* st, const char* what, uint64_t cptr, uint64_t label, unsigned nwords,
                const uint64_t* words, unsigned ncaps, const uint64_t* caps) {
    if (st->s->failed)
        return -1;
    if (st->s->invoke(st->s->self, cptr, label, nwords, words, ncaps, caps, 0) != 0) {
        st->s->failed = what;
        return -1;
    }
    return 0;
}

#define W(...) (((const uint64_t[]){0, __VA_ARGS__}) + 1)
#define N(...) ((unsigned)(sizeof((const uint64_t[]){0, __VA_ARGS__}) / sizeof(uint64_t)) - 1)
#define CALL(what, obj, label, words, caps)                                                        \
    call(st, what, obj, label, N words, W words, N caps, W caps)

/* Retypes `count` objects from `ut` into fresh root slots; returns the first. */
static uint64_t make(struct setup* st, uint64_t ut, uint64_t type, uint64_t bits, uint64_t count) {
    const uint64_t first = st->next;
    CALL("retype", ut, RAMPART_UNTYPED_RETYPE, (type, bits, 0, 0, first, count),
         (RAMPART_ROOT_CNODE));
    st->next += count;
    return first;
}

/* Maps root slot `frame` at `vaddr` in `vspace`, with page tables from `ut`
   where they are missing. */
static void map(struct setup* st, uint64_t ut, uint64_t frame, uint64_t vspace, uint64_t vaddr,
                uint64_t rights, uint64_t attrs) {
    for (unsigned tables = 0; tables < 4 && !st->s->failed; ++tables) { /* levels 1-3 */
        const uint64_t err = st->s->invoke(st->s->self, frame, RAMPART_PAGE_MAP, 3,
                                           W(vaddr, rights, attrs), 1, W(vspace), 0);
        if (err == RAMPART_NO_ERROR)
            return;
        if (err != RAMPART_FAILED_LOOKUP)
            break;
        CALL("map a page table", make(st, ut, RAMPART_OBJ_PAGE_TABLE, 0, 1), RAMPART_PAGE_TABLE_MAP,
             (vaddr, 0), (vspace));
    }
    if (!st->s->failed)
        st->s->failed = "map a page";
}

/* Puts root slot `src` into the fuzz CNode's slot `dest` (copied or moved). */
static void give(struct setup* st, uint64_t cnode, uint64_t dest, uint64_t src, int move) {
    if (move)
        CALL("move into the fuzz CNode", cnode, RAMPART_CNODE_MOVE,
             (dest, KF_RADIX, src, ROOT_DEPTH), (RAMPART_ROOT_CNODE));
    else
        CALL("copy into the fuzz CNode", cnode, RAMPART_CNODE_COPY,
             (dest, KF_RADIX, src, ROOT_DEPTH, RAMPART_RIGHTS_ALL), (RAMPART_ROOT_CNODE));
}

/* The largest RAM untyped of the boot info (its root slot), or 0. */
static uint64_t largest_untyped(const struct rampart_bootinfo* bi, unsigned* bits) {
    uint64_t best = 0;
    *bits = 0;
    for (uint64_t i = 0; i < bi->untyped.end - bi->untyped.start; ++i) {
        const struct rampart_untyped_desc* d = &bi->untyped_list[i];
        if (!d->is_device && d->size_bits > *bits) {
            *bits = d->size_bits;
            best = bi->untyped.start + i;
        }
    }
    return best;
}

/* Worker i's address space: the root task's image read-only, its IPC
   buffer, its private pages (also mapped in the root task's view). */
static uint64_t worker_space(struct setup* st, uint64_t big, unsigned i, uint64_t frame) {
    struct kf_setup* s = st->s;
    const uint64_t rw = RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE;
    const uint64_t vspace = make(st, big, RAMPART_OBJ_VSPACE, 0, 1);
    CALL("assign a worker's VSpace an ASID", RAMPART_ROOT_ASID_POOL, RAMPART_ASID_POOL_ASSIGN, (),
         (vspace));
    const struct rampart_slot_range image = s->bootinfo->user_image_frames;
    for (uint64_t k = 0; k < image.end - image.start; ++k) {
        const uint64_t copy = st->next++;
        CALL("copy an image frame", RAMPART_ROOT_CNODE, RAMPART_CNODE_COPY,
             (copy, ROOT_DEPTH, image.start + k, ROOT_DEPTH, RAMPART_RIGHT_READ),
             (RAMPART_ROOT_CNODE));
        map(st, big, copy, vspace, s->image_vaddr + (k << 12), RAMPART_RIGHT_READ,
            RAMPART_ATTR_CACHEABLE);
    }
    map(st, big, frame, vspace, KF_IPC_VADDR, rw,
        RAMPART_ATTR_CACHEABLE | RAMPART_ATTR_EXECUTE_NEVER);
    if (s->state_pages) {
        const uint64_t pages = make(st, big, RAMPART_OBJ_FRAME_4K, 0, s->state_pages);
        for (uint64_t k = 0; k < s->state_pages; ++k) {
            const uint64_t view = st->next++;
            CALL("copy a private page", RAMPART_ROOT_CNODE, RAMPART_CNODE_COPY,
                 (view, ROOT_DEPTH, pages + k, ROOT_DEPTH, RAMPART_RIGHTS_ALL),
                 (RAMPART_ROOT_CNODE));
            map(st, big, pages + k, vspace, KF_STATE_VADDR + (k << 12), rw,
                RAMPART_ATTR_CACHEABLE | RAMPART_ATTR_EXECUTE_NEVER);
            map(st, big, view, RAMPART_ROOT_VSPACE, KF_ROOT_VIEW + i * KF_VIEW_STRIDE + (k << 12),
                rw, RAMPART_ATTR_CACHEABLE | RAMPART_ATTR_EXECUTE_NEVER);
        }
    }
    return vspace;
}

int kf_setup_world(struct kf_setup* s) {
    struct setup setup = {s, s->bootinfo->empty.start};
    struct setup* st = &setup;
    s->failed = 0;
    unsigned bits;
    const uint64_t big = largest_untyped(s->bootinfo, &bits);
    if (!big || bits < 23) {
        s->failed = "no untyped of 8 MiB";
        return -1;
    }
    if (s->state_pages << 12 > KF_VIEW_STRIDE) {
        s->failed = "too many private pages";
        return -1;
    }
    const uint64_t cnode = make(st, big, RAMPART_OBJ_CNODE, KF_RADIX, 1);
    const uint64_t vspace = make(st, big, RAMPART_OBJ_VSPACE, 0, 1);
    uint64_t untyped[KF_UNTYPED_COUNT];
    for (unsigned i = 0; i < KF_UNTYPED_COUNT; ++i)
        untyped[i] = make(st, big, RAMPART_OBJ_UNTYPED, untyped_bits[i], 1);
    const uint64_t tcb = make(st, big, RAMPART_OBJ_TCB, 0, KF_WORKERS);
    const uint64_t sc =
        make(st, big, RAMPART_OBJ_SCHED_CONTEXT, RAMPART_SCHED_CONTEXT_MIN_BITS, KF_WORKERS);
    const uint64_t reply = make(st, big, RAMPART_OBJ_REPLY, 0, KF_WORKERS);
    const uint64_t frame = make(st, big, RAMPART_OBJ_FRAME_4K, 0, KF_WORKERS);
    const uint64_t ep = make(st, big, RAMPART_OBJ_ENDPOINT, 0, 1);
    const uint64_t ntfn = make(st, big, RAMPART_OBJ_NOTIFICATION, 0, 1);

    CALL("assign the world VSpace an ASID", RAMPART_ROOT_ASID_POOL, RAMPART_ASID_POOL_ASSIGN, (),
         (vspace));
    for (unsigned i = 0; i < KF_WORKERS; ++i)
        s->vspace[i] = worker_space(st, big, i, frame + i);

    /* The fuzz CNode: its own cap (guard: a cap address is a slot index), then the rest. */
    CALL("mint the fuzz CNode's own cap", cnode, RAMPART_CNODE_MINT,
         (KF_SLOT_CNODE, KF_RADIX, cnode, ROOT_DEPTH, RAMPART_RIGHTS_ALL,
          RAMPART_CNODE_CAPDATA(0, KF_GUARD_BITS)),
         (RAMPART_ROOT_CNODE));
    give(st, cnode, KF_SLOT_VSPACE, vspace, 1);
    give(st, cnode, KF_SLOT_ASID_POOL, RAMPART_ROOT_ASID_POOL, 0);
    give(st, cnode, KF_SLOT_ASID_CONTROL, RAMPART_ROOT_ASID_CONTROL, 0);
    give(st, cnode, KF_SLOT_IRQ_CONTROL, RAMPART_ROOT_IRQ_CONTROL, 1); /* cannot be copied */
    give(st, cnode, KF_SLOT_SCHED_CONTROL, s->bootinfo->sched_control.start, 0);
    give(st, cnode, KF_SLOT_DOMAIN, RAMPART_ROOT_DOMAIN, 0);
    for (unsigned i = 0; i < KF_UNTYPED_COUNT; ++i)
        give(st, cnode, KF_SLOT_UNTYPED + i, untyped[i], 1);
    for (unsigned i = 0; i < KF_WORKERS; ++i) {
        give(st, cnode, KF_SLOT_TCB + i, tcb + i, 0);
        give(st, cnode, KF_SLOT_SC + i, sc + i, 0);
        give(st, cnode, KF_SLOT_REPLY + i, reply + i, 1);
        give(st, cnode, KF_SLOT_FRAME + i, frame + i, 0);
    }
    give(st, cnode, KF_SLOT_ENDPOINT, ep, 0);
    give(st, cnode, KF_SLOT_NOTIFICATION, ntfn, 0);

    s->root_cnode_slot = cnode;
    s->endpoint = ep;
    for (unsigned i = 0; i < KF_WORKERS; ++i) {
        s->tcb[i] = tcb + i;
        s->sc[i] = sc + i;
        s->frame[i] = frame + i;
    }
    s->next_free = st->next;
    return s->failed ? -1 : 0;
}

/* An invocation whose error the supervisor ignores. */
static void try_call(struct kf_setup* s, uint64_t cptr, uint64_t label, unsigned nwords,
                     const uint64_t* words, unsigned ncaps, const uint64_t* caps) {
    (void)s->invoke(s->self, cptr, label, nwords, words, ncaps, caps, 0);
}

#define TRY(obj, label, words, caps) try_call(s, obj, label, N words, W words, N caps, W caps)

void kf_revive_worker(struct kf_setup* s, unsigned i, const uint64_t* regs, unsigned nregs) {
    const uint64_t data = RAMPART_CNODE_CAPDATA(0, KF_GUARD_BITS);
    const uint64_t tcb = s->tcb[i], sc = s->sc[i];
    uint64_t words[2 + 8];
    words[0] = 0;
    words[1] = nregs < 8 ? nregs : 8;
    for (unsigned k = 0; k < words[1]; ++k)
        words[2 + k] = regs[k];
    TRY(tcb, RAMPART_TCB_SUSPEND, (), ());
    /* Without a domain schedule only domain 0 runs: a worker moved to
       another domain would never run again. */
    TRY(RAMPART_ROOT_DOMAIN, RAMPART_DOMAIN_SET_SET, (0), (tcb));
    TRY(tcb, RAMPART_TCB_CONFIGURE, (data, 0, KF_IPC_VADDR),
        (s->root_cnode_slot, s->vspace[i], s->frame[i]));
    TRY(tcb, RAMPART_TCB_SET_SPACE, (data, 0), (s->endpoint, s->root_cnode_slot, s->vspace[i]));
    TRY(tcb, RAMPART_TCB_SET_SCHED_PARAMS, (s->worker_priority, s->worker_priority),
        (RAMPART_ROOT_TCB));
    TRY(sc, RAMPART_SCHED_CONTEXT_UNBIND, (), ());
    TRY(s->bootinfo->sched_control.start, RAMPART_SCHED_CONTROL_CONFIGURE_FLAGS,
        (1000, 1000, 0, i, 0), (sc));
    TRY(sc, RAMPART_SCHED_CONTEXT_BIND, (), (tcb));
    try_call(s, tcb, RAMPART_TCB_WRITE_REGISTERS, 2 + (unsigned)words[1], words, 0, 0);
    TRY(tcb, RAMPART_TCB_RESUME, (), ());
}
