/* The QEMU back-end of the system-call fuzzer: a root task that sets up
   the world (tests/kfuzz/world.c) and four untrusted worker threads, each in
   an address space of its own (the root task's code read-only, a private
   stack and state), each making the generator's calls with DebugCheck
   after every one. The root task holds nothing the workers can reach; it
   supervises from a small periodic budget: counts the calls, restarts a
   worker that stopped making progress, reports a violation with the
   worker's last calls, and ends the run after KFUZZ_CALLS calls.

   KFUZZ_SEED and KFUZZ_CALLS are set by the build (one image per run). */
#include <rampart/aarch64/user_context.h>
#include <rampart/invoke.h>
#include <rampart/sys.h>

#include "../kfuzz.h"

#ifndef KFUZZ_SEED
#error "KFUZZ_SEED must be set by the build"
#endif
#ifndef KFUZZ_CALLS
#error "KFUZZ_CALLS must be set by the build"
#endif
/* Calls left out while known defects are open (enum kf_avoid). */
#ifndef KFUZZ_AVOID
#define KFUZZ_AVOID 0u
#endif

#define STATE_PAGES 8u
#define TRACE 32u
#define WORKER_PRIORITY 100u
/* A worker that made no call for this many supervisions is restarted. */
#define STUCK_AFTER 3u

/* A worker's private pages: its state, then its stack up to the end. */
struct worker_state {
    uint64_t index;
    volatile uint64_t calls;  /* calls made (each followed by DebugCheck) */
    volatile uint64_t failed; /* 1 + the call after which DebugCheck found a violation */
    uint64_t trace_next;
    struct kf_rng rng;
    struct kf_world world;
    struct kf_call trace[TRACE];
};
_Static_assert(sizeof(struct worker_state) < (STATE_PAGES - 2) * 4096, "room for the stack");

/* The call kinds a worker makes: system calls, faults and FP use. */
#define KINDS ((1u << KF_CALL_SYSCALL) | (1u << KF_CALL_FAULT) | (1u << KF_CALL_FPU))

/* ---- The worker (runs in its own address space: no writable globals) ---- */

static struct rampart_ipc_buffer* ipc_buffer(void) {
    struct rampart_ipc_buffer* b;
    __asm__ volatile("mrs %0, tpidrro_el0" : "=r"(b));
    return b;
}

/* Executes the call; returns the message info of the reply. */
static uint64_t execute(const struct kf_call* c) {
    if (c->kind == KF_CALL_FAULT) {
        (void)*(volatile const uint64_t*)c->arg; /* a fault unless mapped */
        return 0;
    }
    if (c->kind == KF_CALL_FPU) {
        __asm__ volatile("fmov d0, %0\n\tfadd d1, d0, d0" ::"r"(c->cptr) : "d0", "d1");
        return 0;
    }
    if (c->words > RAMPART_MSG_REGISTERS || rampart_msginfo_extra_caps(c->info) || c->set_receive) {
        struct rampart_ipc_buffer* b = ipc_buffer();
        for (unsigned i = RAMPART_MSG_REGISTERS; i < c->words; ++i)
            b->msg[i] = c->mr[i];
        for (unsigned i = 0; i < 3; ++i)
            b->caps_or_badges[i] = c->caps[i];
        if (c->set_receive) {
            b->receive_cnode = c->recv_cnode;
            b->receive_index = c->recv_index;
            b->receive_depth = c->recv_depth;
        }
    }
    register uint64_t x0 __asm__("x0") = c->cptr;
    register uint64_t x1 __asm__("x1") = c->info;
    register uint64_t x2 __asm__("x2") = c->words > 0 ? c->mr[0] : 0;
    register uint64_t x3 __asm__("x3") = c->words > 1 ? c->mr[1] : 0;
    register uint64_t x4 __asm__("x4") = c->words > 2 ? c->mr[2] : 0;
    register uint64_t x5 __asm__("x5") = c->words > 3 ? c->mr[3] : 0;
    register uint64_t x6 __asm__("x6") = c->reply;
    register uint64_t x7 __asm__("x7") = c->number;
    register uint64_t x8 __asm__("x8") = c->dest;
    __asm__ volatile("svc #0"
                     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5), "+r"(x6),
                       "+r"(x7), "+r"(x8)
                     :
                     : "memory");
    return x1;
}

__attribute__((noreturn)) void kfuzz_worker(struct worker_state* st) {
    for (;;) {
        struct kf_call* c = &st->trace[st->trace_next++ % TRACE];
        kf_generate(&st->rng, &st->world, KINDS, c);
        const uint64_t info = execute(c);
        kf_learn(&st->world, c, info);
        ++st->calls;
        if (rampart_debug_check() != RAMPART_DEBUG_CHECK_OK) {
            st->failed = st->calls;
            for (;;)
                rampart_yield(); /* the supervisor reports it */
        }
    }
}

/* ---- The root task ---- */

extern char __image_start[];

static uint64_t root_invoke(void* self, uint64_t cptr, uint64_t label, unsigned nwords,
                            const uint64_t* words, unsigned ncaps, const uint64_t* caps,
                            uint64_t* out) {
    (void)self;
    const uint64_t err = rampart_invoke(cptr, label, nwords, words, ncaps, caps);
    if (out)
        for (unsigned i = 0; i < 4; ++i)
            out[i] = rampart_mr(i);
    return err;
}

static void put_dec(uint64_t v) {
    char buf[KF_DECIMAL_SIZE];
    rampart_debug_puts(kf_decimal(v, buf));
}

static uint64_t counter(void) {
    uint64_t v;
    __asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(v));
    return v;
}

static uint64_t counter_hz(void) {
    uint64_t v;
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(v));
    return v;
}

static struct kf_setup setup;
static uint64_t seen[KF_WORKERS];
static unsigned stuck[KF_WORKERS];
static uint64_t total, next_report;

static struct worker_state* view(unsigned i) {
    return (struct worker_state*)(KF_ROOT_VIEW + i * KF_VIEW_STRIDE);
}

static void start_worker(unsigned i) {
    /* pc, sp, spsr, x0 */
    const uint64_t regs[4] = {(uint64_t)kfuzz_worker, KF_STATE_VADDR + STATE_PAGES * 4096ull, 0,
                              KF_STATE_VADDR};
    kf_revive_worker(&setup, i, regs, 4);
}

__attribute__((noreturn)) static void report_failure(unsigned i) {
    struct worker_state* st = view(i);
    rampart_debug_puts("kfuzz: FAILED: DebugCheck found a violation (the kernel printed it above) "
                       "after worker ");
    put_dec(i);
    rampart_debug_puts("'s call ");
    put_dec(st->failed);
    rampart_debug_puts(", seed ");
    put_dec(KFUZZ_SEED);
    rampart_debug_puts("\nkfuzz: the worker's last calls:\n");
    for (unsigned k = 0; k < TRACE; ++k) {
        const struct kf_call* c = &st->trace[(st->trace_next + k) % TRACE];
        char line[240];
        if (c->op == 0 && c->kind == 0 && c->number == 0)
            continue;
        kf_describe(c, line, sizeof line);
        rampart_debug_puts("  ");
        rampart_debug_puts(line);
        rampart_debug_puts("\n");
    }
    rampart_debug_halt(1);
}

/* Counts progress (a worker's counter may be garbage: its memory is its own). */
static void supervise(void) {
    for (unsigned i = 0; i < KF_WORKERS; ++i) {
        struct worker_state* st = view(i);
        if (st->failed)
            report_failure(i);
        const uint64_t now = st->calls;
        if (now > seen[i] && now - seen[i] < 100000000ull) {
            total += now - seen[i];
            stuck[i] = 0;
        } else if (++stuck[i] >= STUCK_AFTER) {
            stuck[i] = 0;
            start_worker(i);
        }
        seen[i] = now;
    }
    if (total >= next_report) {
        rampart_debug_puts("kfuzz: ");
        put_dec(total);
        rampart_debug_puts(" calls\n");
        next_report += KFUZZ_CALLS / 10 ? KFUZZ_CALLS / 10 : 1;
    }
    if (total >= KFUZZ_CALLS) {
        rampart_debug_puts("kfuzz: seed ");
        put_dec(KFUZZ_SEED);
        rampart_debug_puts(": ");
        put_dec(total);
        rampart_debug_puts(" calls, no violation\n");
        rampart_debug_halt(0);
    }
}

int main(const struct rampart_bootinfo* bi) {
    rampart_debug_puts("kfuzz: seed ");
    put_dec(KFUZZ_SEED);
    rampart_debug_puts(", ");
    put_dec(KFUZZ_CALLS);
    rampart_debug_puts(" calls\n");
    setup.invoke = root_invoke;
    setup.bootinfo = bi;
    setup.worker_priority = WORKER_PRIORITY;
    setup.image_vaddr = (uint64_t)__image_start;
    setup.state_pages = STATE_PAGES;
    if (kf_setup_world(&setup) != 0) {
        rampart_debug_puts("kfuzz: setup failed: ");
        rampart_debug_puts(setup.failed);
        rampart_debug_puts("\n");
        return 2;
    }
    for (unsigned i = 0; i < KF_WORKERS; ++i) {
        struct worker_state* st = view(i);
        st->index = i;
        kf_seed(&st->rng, KFUZZ_SEED * 0x100000001b3ull + i);
        /* GIC interrupt ids, the kernel timer's PPI (EL1 virtual), AArch64's user context. */
        kf_world_init(&st->world, 1024, 27, RAMPART_UC_WORDS);
        st->world.avoid = KFUZZ_AVOID;
        start_worker(i);
    }
    /* The supervisor's share: 1 ms every 10 ms, at the top priority. */
    if (rampart_sched_control_configure(bi->sched_control.start, RAMPART_ROOT_SC, 1000, 10000, 0,
                                        0) != RAMPART_NO_ERROR) {
        rampart_debug_puts("kfuzz: cannot configure the supervisor's budget\n");
        return 2;
    }
    next_report = KFUZZ_CALLS / 10 ? KFUZZ_CALLS / 10 : 1;
    const uint64_t pause = counter_hz() / 500; /* 2 ms: the budget runs out first */
    for (;;) {
        supervise();
        const uint64_t start = counter();
        while (counter() - start < pause) {
        }
    }
}
