// EL1 physical generic timer (Arm ARM D11.2 "The AArch64 view of the Generic Timer").
#include "arch/timer.hpp"
#include "arch/registers.hpp"

#include <platform/platform.hpp>

namespace rampart::arch {

void timer_init() {
    RAMPART_WRITE_SYSREG(cntp_ctl_el0, 0); // disabled, until the first deadline
    // EL0VCTEN: user code may read the virtual count and CNTFRQ_EL0 (as on
    // Linux); the physical timer and its count stay the kernel's.
    RAMPART_WRITE_SYSREG(cntkctl_el1, 2);
    isb();
}

uint32_t timer_irq() {
    return platform::timer_irq;
}
uint64_t timer_frequency() {
    return RAMPART_READ_SYSREG(cntfrq_el0);
}

void timer_ack() {
    RAMPART_WRITE_SYSREG(cntp_ctl_el0, 2); // IMASK: quiet until re-armed
    isb();
}

} // namespace rampart::arch
