/* Benchmark support (see bench_env.h). */
#include "bench_env.h"

static const struct rampart_bootinfo* boot;
static uint64_t pool, next_slot;
static unsigned spawned;

#define STACK_VA 0x10000000ull
#define BUFFER_VA 0x10100000ull

uint64_t bench_slot(void) {
    return next_slot++;
}

uint64_t bench_make(uint64_t type, uint64_t size_bits) {
    const uint64_t s = bench_slot();
    if (rampart_untyped_retype(pool, type, size_bits, ROOT, 0, 0, s, 1)) {
        rampart_debug_puts("bench: out of memory\n");
        rampart_debug_halt(2);
    }
    return s;
}

void bench_init(const struct rampart_bootinfo* bi) {
    boot = bi;
    next_slot = bi->empty.start;
    int best = 64;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(bi); ++i)
        if (!bi->untyped_list[i].is_device && bi->untyped_list[i].size_bits >= 24 &&
            bi->untyped_list[i].size_bits < best) {
            pool = bi->untyped.start + i;
            best = bi->untyped_list[i].size_bits;
        }
}

static void check(uint64_t err) {
    if (err) {
        rampart_debug_puts("bench: setup failed\n");
        rampart_debug_halt(2);
    }
}

static void map_new(uint64_t vs, uint64_t frame, uint64_t va) {
    uint64_t err = rampart_page_map(frame, vs, va, RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE,
                                    RAMPART_ATTR_CACHEABLE);
    while (err == RAMPART_FAILED_LOOKUP) { /* add the missing table, then retry */
        check(rampart_page_table_map(bench_make(RAMPART_OBJ_PAGE_TABLE, 0), vs, va, 0));
        err = rampart_page_map(frame, vs, va, RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE,
                               RAMPART_ATTR_CACHEABLE);
    }
    check(err);
}

static void thread_start(void (*fn)(uint64_t, uint64_t), uint64_t a0, uint64_t a1) {
    fn(a0, a1);
    for (;;)
        rampart_yield();
}

#define DEVICE_VA 0x20000000ull

volatile uint32_t* bench_map_device(uint64_t paddr) {
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(boot); ++i) {
        const struct rampart_untyped_desc* d = &boot->untyped_list[i];
        if (d->is_device && d->paddr == paddr) {
            const uint64_t frame = bench_slot();
            check(rampart_untyped_retype(boot->untyped.start + i, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0,
                                         0, frame, 1));
            uint64_t err = rampart_page_map(frame, RAMPART_ROOT_VSPACE, DEVICE_VA,
                                            RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE, 0);
            while (err == RAMPART_FAILED_LOOKUP) {
                check(rampart_page_table_map(bench_make(RAMPART_OBJ_PAGE_TABLE, 0),
                                             RAMPART_ROOT_VSPACE, DEVICE_VA, 0));
                err = rampart_page_map(frame, RAMPART_ROOT_VSPACE, DEVICE_VA,
                                       RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE, 0);
            }
            check(err);
            return (volatile uint32_t*)DEVICE_VA;
        }
    }
    rampart_debug_puts("bench: no device untyped at that address\n");
    rampart_debug_halt(2);
}

extern char __image_start[];

uint64_t bench_spawn(void (*fn)(uint64_t, uint64_t), uint64_t a0, uint64_t a1, uint64_t priority) {
    const unsigned n = spawned++;
    const uint64_t vs = bench_make(RAMPART_OBJ_VSPACE, 0);
    check(rampart_asid_pool_assign(RAMPART_ROOT_ASID_POOL, vs));
    /* The image, shared: copies of its frame caps (handed out in address
       order from the image's start) mapped at the same addresses. */
    uint64_t at = (uint64_t)__image_start;
    for (uint64_t s = boot->user_image_frames.start; s < boot->user_image_frames.end;
         ++s, at += 0x1000) {
        const uint64_t copy = bench_slot();
        check(rampart_cnode_copy(ROOT, copy, DEPTH, ROOT, s, DEPTH, RAMPART_RIGHTS_ALL));
        map_new(vs, copy, at);
    }
    const uint64_t stack = bench_make(RAMPART_OBJ_FRAME_4K, 0);
    const uint64_t buffer = bench_make(RAMPART_OBJ_FRAME_4K, 0);
    map_new(vs, stack, STACK_VA + 0x2000 * n);
    map_new(vs, buffer, BUFFER_VA + 0x1000 * n);
    const uint64_t tcb = bench_make(RAMPART_OBJ_TCB, 0);
    check(rampart_tcb_configure(tcb, ROOT, 0, vs, BUFFER_VA + 0x1000 * n, buffer));
    check(rampart_tcb_set_priority(tcb, RAMPART_ROOT_TCB, priority));
    const uint64_t sc = bench_make(RAMPART_OBJ_SCHED_CONTEXT, 8);
    check(rampart_sched_control_configure(boot->sched_control.start, sc, 5000, 5000, 0, 0));
    check(rampart_sched_context_bind(sc, tcb));
    uint64_t regs[6] = {0};
    regs[0] = (uint64_t)thread_start;
    regs[1] = STACK_VA + 0x2000 * n + 0x1000;
    regs[3] = (uint64_t)fn;
    regs[4] = a0;
    regs[5] = a1;
    check(rampart_tcb_write_registers(tcb, RAMPART_TCB_WRITE_RESUME_TARGET, 6, regs));
    return tcb;
}
