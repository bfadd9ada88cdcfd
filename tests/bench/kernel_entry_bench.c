/* Kernel entry/exit costs, in guest instructions (QEMU -icount shift=0).
   Each figure is the minimum over many runs, so a timer tick landing inside
   one run does not count; the counter-read overhead is subtracted. */
#include <rampart/bench.h>
#include <rampart/sys.h>

#define RUNS 64

static uint64_t overhead(void) {
    uint64_t best = UINT64_MAX;
    for (int i = 0; i < RUNS; ++i) {
        const uint64_t t0 = rampart_bench_counter();
        const uint64_t t1 = rampart_bench_counter();
        if (t1 - t0 < best)
            best = t1 - t0;
    }
    return best;
}

#include <rampart/bootinfo.h>
#include <rampart/invoke.h>
#include <rampart/ipc.h>

int main(const struct rampart_bootinfo* bi) {
    const uint64_t base = overhead();
    /* Poll of an idle notification: entry, cap lookup, a check, exit. */
    const uint64_t ntfn = bi->empty.start;
    uint64_t arena = 0;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(bi) && !arena; ++i)
        if (!bi->untyped_list[i].is_device && bi->untyped_list[i].size_bits >= 12)
            arena = bi->untyped.start + i;
    rampart_untyped_retype(arena, RAMPART_OBJ_NOTIFICATION, 0, RAMPART_ROOT_CNODE, 0, 0, ntfn, 1);
    uint64_t best = UINT64_MAX;
    for (int i = 0; i < RUNS; ++i) {
        const uint64_t t0 = rampart_bench_counter();
        (void)rampart_poll(ntfn);
        const uint64_t t1 = rampart_bench_counter();
        if (t1 - t0 < best)
            best = t1 - t0;
    }
    rampart_bench_report("null-syscall (poll)", best - base);
    best = UINT64_MAX;
    for (int i = 0; i < RUNS; ++i) {
        const uint64_t t0 = rampart_bench_counter();
        rampart_yield();
        const uint64_t t1 = rampart_bench_counter();
        if (t1 - t0 < best)
            best = t1 - t0;
    }
    /* Yield with no other runnable thread: kernel entry, budget charge, scheduler, exit. */
    rampart_bench_report("yield", best - base);
    return 0;
}
