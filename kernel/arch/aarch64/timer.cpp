// EL1 physical generic timer (Arm ARM D11.2 "The AArch64 view of the Generic Timer").
#include "arch/timer.hpp"
#include "arch/registers.hpp"

#include <platform/platform.hpp>

namespace rampart::arch {

void timer_init() {
    RAMPART_WRITE_SYSREG(cntp_ctl_el0, 0); // disabled, until the first deadline
    // CNTKCTL_EL1 (Arm ARM D13.8.15): EL0PCTEN and EL0VCTEN let user code read
    // the physical and virtual counts and CNTFRQ_EL0, as seL4 Microkit's
    // kernels do; the timer registers themselves stay the kernel's.
    constexpr uint64_t el0pcten = 1u << 0, el0vcten = 1u << 1;
    RAMPART_WRITE_SYSREG(cntkctl_el1, el0pcten | el0vcten);
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
