/* The region the spinner counts its loops in and the periodic PD reads. */
#ifndef STATS_H
#define STATS_H

#include <stdint.h>

struct stats {
    uint64_t spins;
};

/* The virtual counter and its frequency; user code may read both
   (Arm ARM D11.2.2, CNTKCTL_EL1.EL0VCTEN, set by the kernel). */
static inline uint64_t counter_now(void) {
    uint64_t v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
    return v;
}

static inline uint64_t counter_hz(void) {
    uint64_t v;
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(v));
    return v;
}

#endif
