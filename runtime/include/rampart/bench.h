/* Benchmark helpers for target programs: the PMU cycle counter, which counts
   guest instructions exactly under QEMU -icount shift=0 (debug kernels let EL0 read it). */
#ifndef RAMPART_BENCH_H
#define RAMPART_BENCH_H

#include <rampart/sys.h>
#include <stdint.h>

static inline uint64_t rampart_bench_counter(void) {
    uint64_t v;
    __asm__ volatile("isb\n\tmrs %0, pmccntr_el0" : "=r"(v)::"memory");
    return v;
}

/* Guest instructions the loader runs before it starts the counter at reset
   (its first branch and the writes that enable it, runtime/loader/aarch64/start.S). */
#define RAMPART_LOADER_UNCOUNTED_INSNS 6u

/* Prints "bench: <name> <value> insns". */
void rampart_bench_report(const char* name, uint64_t value);

#endif
