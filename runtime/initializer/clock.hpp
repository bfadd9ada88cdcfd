// Time for the monitor's rate limit and the boot report: the virtual count,
// which the kernel lets user code read, in microseconds.
#pragma once

#include <stdint.h>

namespace rampart::init {

inline uint64_t now_us() {
    uint64_t count, freq;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(count));
    __asm__("mrs %0, cntfrq_el0" : "=r"(freq));
    return freq ? count / freq * 1000000 + count % freq * 1000000 / freq : 0;
}

} // namespace rampart::init
