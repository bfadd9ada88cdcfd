// EL1 virtual generic timer, the kernel's (Arm ARM D11.2 "The AArch64 view of
// the Generic Timer"); the EL1 physical timer is user level's.
#include "arch/timer.hpp"
#include "arch/registers.hpp"

#include <platform/platform.hpp>

namespace rampart::arch {

void timer_init() {
    RAMPART_WRITE_SYSREG(cntv_ctl_el0, 0); // disabled, until the first deadline
    RAMPART_WRITE_SYSREG(cntp_ctl_el0, 0); // user level's, quiet until armed
    // CNTKCTL_EL1 (Arm ARM D13.8.15), as seL4 sets it with
    // KernelArmExportPCNTUser, KernelArmExportVCNTUser and
    // KernelArmExportPTMRUser: EL0 reads both counts and CNTFRQ_EL0
    // (EL0PCTEN, EL0VCTEN) and owns the physical timer's registers (EL0PTEN).
    // EL0VTEN stays clear: the virtual timer's registers trap, so no thread
    // can move or silence the kernel's deadline.
    constexpr uint64_t el0pcten = 1u << 0, el0vcten = 1u << 1, el0pten = 1u << 9;
    RAMPART_WRITE_SYSREG(cntkctl_el1, el0pcten | el0vcten | el0pten);
    isb();
}

uint32_t timer_irq() {
    return platform::timer_irq;
}
uint64_t timer_frequency() {
    return RAMPART_READ_SYSREG(cntfrq_el0);
}

void timer_ack() {
    RAMPART_WRITE_SYSREG(cntv_ctl_el0, 2); // IMASK: quiet until re-armed
    isb();
}

} // namespace rampart::arch
