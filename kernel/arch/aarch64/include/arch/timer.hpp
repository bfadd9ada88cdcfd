// The kernel's scheduling timer: the EL1 virtual generic timer (CNTV), as
// seL4 at EL1 uses it; the physical timer (CNTP) is left to user level.
#pragma once

#include <stdint.h>

#include "arch/registers.hpp"

namespace rampart::arch {

void timer_init();
uint32_t timer_irq();
uint64_t timer_frequency();
void timer_ack(); // silences the timer until the next deadline

// Inline (a switch reads and sets the timer): counter ticks. The loader
// zeroes CNTVOFF_EL2, so the virtual count is the physical count.
inline uint64_t timer_now() {
    isb();
    return RAMPART_READ_SYSREG(cntvct_el0);
}

// Absolute, in counter ticks.
inline void timer_set_deadline(uint64_t ticks) {
    RAMPART_WRITE_SYSREG(cntv_cval_el0, ticks);
    RAMPART_WRITE_SYSREG(cntv_ctl_el0, 1); // ENABLE, not masked
    isb();
}

} // namespace rampart::arch
