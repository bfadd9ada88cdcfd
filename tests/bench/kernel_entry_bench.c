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

int main(void) {
    const uint64_t base = overhead();
    uint64_t best = UINT64_MAX;
    for (int i = 0; i < RUNS; ++i) {
        const uint64_t t0 = rampart_bench_counter();
        rampart_yield();
        const uint64_t t1 = rampart_bench_counter();
        if (t1 - t0 < best)
            best = t1 - t0;
    }
    /* Yield with no other runnable thread: kernel entry, dispatch, scheduler, exit. */
    rampart_bench_report("null-syscall", best - base);
    return 0;
}
