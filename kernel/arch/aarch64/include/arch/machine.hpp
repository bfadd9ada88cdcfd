// Whole-machine operations: ending the system and idling.
#pragma once

#include <stdint.h>

namespace rampart::arch {

// Ends the system; under QEMU the emulator exits with `status`.
[[noreturn]] void machine_halt(uint32_t status);
// Called first for an exception taken in the kernel: when it is machine_halt's
// semihosting call trapping (QEMU without semihosting), the machine is powered
// off instead, after a line with the status; otherwise it returns.
void machine_halt_without_semihosting();
// Waits until an interrupt is pending (interrupts stay masked in the kernel).
void machine_idle();
// An interrupt is pending (masked while the kernel runs): long operations
// that cannot stop at any time stop here (ISR_EL1.I, Arm ARM D13.2.70).
bool interrupt_pending();
// FP/SIMD starts trapped: the first use gives a thread the registers (thread/fpu.cpp).
void fpu_enable_for_user();

} // namespace rampart::arch
