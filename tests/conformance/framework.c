/* The conformance runner. */
#include "framework.h"

extern const struct test __start_rampart_tests[];
extern const struct test __stop_rampart_tests[];

static void put_dec(uint64_t v) {
    char buf[21];
    int n = 0;
    do {
        buf[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    char out[21];
    for (int i = 0; i < n; ++i)
        out[i] = buf[n - 1 - i];
    rampart_debug_write(out, (size_t)n);
}

static void put_hex(uint64_t v) {
    char out[18] = "0x";
    int n = 2;
    int started = 0;
    for (int s = 60; s >= 0; s -= 4) {
        const unsigned d = (unsigned)(v >> s) & 0xf;
        if (d || started || s == 0) {
            out[n++] = "0123456789abcdef"[d];
            started = 1;
        }
    }
    rampart_debug_write(out, (size_t)n);
}

void test_fail(struct env* env, const char* file, int line, const char* what, uint64_t got,
               uint64_t want) {
    if (!env->failed)
        rampart_debug_puts("\n");
    env->failed = 1;
    rampart_debug_puts("  failed: ");
    rampart_debug_puts(file);
    rampart_debug_puts(":");
    put_dec((uint64_t)line);
    rampart_debug_puts(": ");
    rampart_debug_puts(what);
    if (got != want) {
        rampart_debug_puts(" (got ");
        put_hex(got);
        rampart_debug_puts(", want ");
        put_hex(want);
        rampart_debug_puts(")");
    }
    rampart_debug_puts("\n");
}

uint64_t new_slot(struct env* env) {
    if (env->next_slot >= env->slot_end) {
        rampart_debug_puts("conformance: a test ran out of slots\n");
        rampart_debug_halt(3);
    }
    return env->next_slot++;
}

uint64_t make(struct env* env, uint64_t type, uint64_t size_bits) {
    const uint64_t slot = new_slot(env);
    const uint64_t err = rampart_untyped_retype(env->arena, type, size_bits, ROOT, 0, 0, slot, 1);
    if (err != RAMPART_NO_ERROR) {
        rampart_debug_puts("conformance: make() could not retype\n");
        test_fail(env, __FILE__, __LINE__, "retype in make()", err, 0);
    }
    return slot;
}

static uint64_t stacks[MAX_THREADS][1024] __attribute__((aligned(16)));

void suspend_self(uint64_t tcb) {
    register uint64_t x0 __asm__("x0") = tcb;
    register uint64_t x1 __asm__("x1") = rampart_msginfo_new(RAMPART_TCB_SUSPEND, 0, 0, 0);
    register int64_t x7 __asm__("x7") = RAMPART_SYS_CALL;
    __asm__ volatile("svc #0"
                     : "+r"(x0), "+r"(x1)
                     : "r"(x7)
                     : "memory", "x2", "x3", "x4", "x5", "x6", "x8");
    for (;;)
        rampart_yield();
}

static void thread_start(void (*fn)(uint64_t, uint64_t), uint64_t a0, uint64_t a1, uint64_t tcb) {
    fn(a0, a1);
    suspend_self(tcb);
}

uint64_t spawn(struct env* env, void (*fn)(uint64_t, uint64_t), uint64_t a0, uint64_t a1,
               uint64_t priority) {
    return spawn_with_handler(env, fn, a0, a1, priority, 0);
}

uint64_t spawn_with_handler(struct env* env, void (*fn)(uint64_t, uint64_t), uint64_t a0,
                            uint64_t a1, uint64_t priority, uint64_t fault_ep) {
    const unsigned n = env->threads++;
    if (n >= MAX_THREADS) {
        rampart_debug_puts("conformance: too many threads in one test\n");
        rampart_debug_halt(3);
    }
    if (n == 0) { /* tables for the scratch region, freed with the arena */
        const uint64_t l2 = make(env, RAMPART_OBJ_PAGE_TABLE, 0),
                       l3 = make(env, RAMPART_OBJ_PAGE_TABLE, 0);
        rampart_page_table_map(l2, RAMPART_ROOT_VSPACE, SCRATCH_VA, 0);
        rampart_page_table_map(l3, RAMPART_ROOT_VSPACE, SCRATCH_VA, 0);
    }
    const uint64_t buffer = make(env, RAMPART_OBJ_FRAME_4K, 0);
    const uint64_t va = SCRATCH_VA + 0x1000 * n;
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    uint64_t err =
        rampart_page_map(buffer, RAMPART_ROOT_VSPACE, va, RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE,
                         RAMPART_ATTR_CACHEABLE);
    err |= rampart_tcb_configure(tcb, ROOT, 0, RAMPART_ROOT_VSPACE, va, buffer);
    err |= rampart_tcb_set_priority(tcb, RAMPART_ROOT_TCB, priority);
    /* a scheduling context of its own: round robin, 1 ms slices */
    const uint64_t sc = make(env, RAMPART_OBJ_SCHED_CONTEXT, 8);
    err |= rampart_sched_control_configure(SCHED_CONTROL, sc, 1000, 1000, 0, 0);
    err |= rampart_sched_context_bind(sc, tcb);
    if (fault_ep)
        err |= rampart_tcb_set_space(tcb, fault_ep, ROOT, 0, RAMPART_ROOT_VSPACE);
    uint64_t regs[7] = {0};
    regs[0] = (uint64_t)thread_start;
    regs[1] = (uint64_t)(stacks[n] + 1024);
    regs[3] = (uint64_t)fn;
    regs[4] = a0;
    regs[5] = a1;
    regs[6] = tcb;
    err |= rampart_tcb_write_registers(tcb, RAMPART_TCB_WRITE_RESUME_TARGET, 7, regs);
    if (err)
        test_fail(env, __FILE__, __LINE__, "spawn", err, 0);
    return tcb;
}

uint64_t map_uart(struct env* env) {
    uint64_t ut = 0;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(env->bi) && !ut; ++i) {
        const struct rampart_untyped_desc* d = &env->bi->untyped_list[i];
        if (d->is_device && d->paddr == UART_PA)
            ut = env->bi->untyped.start + i;
    }
    CHECK(ut != 0);
    const uint64_t frame = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, frame, 1));
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), RAMPART_ROOT_VSPACE,
                                    UART_VA, 0));
    CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), RAMPART_ROOT_VSPACE,
                                    UART_VA, 0));
    CHECK_OK(rampart_page_map(frame, RAMPART_ROOT_VSPACE, UART_VA,
                              RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE, 0));
    return frame;
}

/* The smallest RAM untyped that holds many arenas: its memory is cleared
   once, then reset after each test only as far as the test used it. */
static uint64_t pick_pool(const struct rampart_bootinfo* bi) {
    uint64_t best = 0;
    int best_bits = 64;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(bi); ++i) {
        const struct rampart_untyped_desc* d = &bi->untyped_list[i];
        if (!d->is_device && d->size_bits >= ARENA_BITS + 2 && d->size_bits < best_bits) {
            best = bi->untyped.start + i;
            best_bits = d->size_bits;
        }
    }
    return best;
}

rampart_cptr_t conformance_sched_control;

int main(const struct rampart_bootinfo* bi) {
    conformance_sched_control = bi->sched_control.start;
    const uint64_t pool = pick_pool(bi);
    if (!pool) {
        rampart_debug_puts("conformance: no untyped large enough for the arenas\n");
        return 2;
    }
    const uint64_t arena_slot = bi->empty.start;
    const uint64_t first = bi->empty.start + 1;
    unsigned passed = 0, failed = 0;
    for (const struct test* t = __start_rampart_tests; t < __stop_rampart_tests; ++t) {
        struct env env = {bi, arena_slot, first, first + TEST_SLOTS, 0, 0};
        if (rampart_untyped_retype(pool, RAMPART_OBJ_UNTYPED, ARENA_BITS, ROOT, 0, 0, arena_slot,
                                   1)) {
            rampart_debug_puts("conformance: cannot make an arena\n");
            return 2;
        }
        t->fn(&env);
        /* Clean up: everything made from the arena, then every slot the test used. */
        if (rampart_cnode_revoke(ROOT, pool, DEPTH) ||
            rampart_cnode_delete(ROOT, arena_slot, DEPTH))
            test_fail(&env, __FILE__, __LINE__, "clean-up revoke", 1, 0);
        for (uint64_t s = first; s < env.next_slot; ++s)
            if (rampart_cnode_delete(ROOT, s, DEPTH))
                test_fail(&env, __FILE__, __LINE__, "clean-up delete", 1, 0);
        if (rampart_debug_check() != 0)
            test_fail(&env, __FILE__, __LINE__, "kernel invariants after the test", 1, 0);
        rampart_debug_puts(env.failed ? "FAIL " : "ok ");
        rampart_debug_puts(t->name);
        rampart_debug_puts("\n");
        if (env.failed)
            ++failed;
        else
            ++passed;
    }
    rampart_debug_puts("conformance: ");
    put_dec(passed);
    rampart_debug_puts(" passed, ");
    put_dec(failed);
    rampart_debug_puts(" failed\n");
    return failed ? 1 : 0;
}
