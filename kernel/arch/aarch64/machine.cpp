// Ending the system: semihosting SYS_EXIT (Arm "Semihosting for AArch32 and
// AArch64", 6.5) gives QEMU an exit status; PSCI SYSTEM_OFF (DEN0022, 5.1.9) otherwise.
#include "arch/machine.hpp"
#include "arch/registers.hpp"

#include <platform/platform.hpp>

namespace rampart::arch {

void machine_halt(uint32_t status) {
    if constexpr (platform::exit_semihosting) {
        // ADP_Stopped_ApplicationExit with the status as subcode.
        const uint64_t block[2] = {0x20026, status};
        register uint64_t x0 asm("x0") = 0x18;
        register const uint64_t* x1 asm("x1") = block;
        asm volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    }
    register uint64_t fn asm("x0") = 0x84000008; // PSCI SYSTEM_OFF
    asm volatile("smc #0" : "+r"(fn)::"memory");
    for (;;)
        asm volatile("wfi");
}

void machine_idle() {
    // With interrupts masked, WFI still wakes on a pending interrupt (Arm ARM D1.6.2);
    // the caller then handles it without taking an exception in the kernel.
    asm volatile("dsb sy\n\twfi" ::: "memory");
}

bool interrupt_pending() {
    constexpr uint64_t isr_irq = 1u << 7; // ISR_EL1.I
    return (RAMPART_READ_SYSREG(isr_el1) & isr_irq) != 0;
}

void fpu_enable_for_user() {
    // FP/SIMD traps until a thread first uses it (lazy switching, thread/fpu.cpp).
    RAMPART_WRITE_SYSREG(cpacr_el1, RAMPART_READ_SYSREG(cpacr_el1) & ~(3ull << 20));
    isb();
}

} // namespace rampart::arch
