// Ending the system: semihosting SYS_EXIT (Arm "Semihosting for AArch32 and
// AArch64", 6.5) gives QEMU an exit status; PSCI SYSTEM_OFF (DEN0022, 5.1.9)
// otherwise, and also when QEMU runs without semihosting (as under seL4
// Microkit's own QEMU command), where the semihosting HLT is undefined.
#include "arch/machine.hpp"
#include "arch/registers.hpp"
#include "log/print.hpp"

#include <platform/platform.hpp>

namespace rampart::arch {
namespace {

// The status of a semihosting exit under way: its HLT traps back into the
// kernel when QEMU has no semihosting (machine_halt_without_semihosting).
constinit volatile bool semihosting_exit_tried = false;
constinit volatile uint32_t halt_status = 0;

[[noreturn]] void power_off() {
    register uint64_t fn asm("x0") = 0x84000008; // PSCI SYSTEM_OFF
    asm volatile("smc #0" : "+r"(fn)::"memory");
    for (;;)
        asm volatile("wfi");
}

} // namespace

void machine_halt(uint32_t status) {
    if constexpr (platform::exit_semihosting) {
        halt_status = status;
        semihosting_exit_tried = true;
        // ADP_Stopped_ApplicationExit with the status as subcode.
        const uint64_t block[2] = {0x20026, status};
        register uint64_t x0 asm("x0") = 0x18;
        register const uint64_t* x1 asm("x1") = block;
        asm volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    }
    power_off();
}

void machine_halt_without_semihosting() {
    if (!semihosting_exit_tried)
        return;
    const uint32_t status = halt_status;
    log::print("rampart: halted with status ", status,
               " (no semihosting to report it: powering off)\n");
    power_off();
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
