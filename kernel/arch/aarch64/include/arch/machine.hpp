// Whole-machine operations: ending the system and idling.
#pragma once

#include <stdint.h>

namespace rampart::arch {

// Ends the system; under QEMU the emulator exits with `status`.
[[noreturn]] void machine_halt(uint32_t status);
// Waits until an interrupt is pending (interrupts stay masked in the kernel).
void machine_idle();
// An interrupt is pending (masked while the kernel runs): long operations
// that cannot stop at any time stop here (ISR_EL1.I, Arm ARM D13.2.70).
bool interrupt_pending();
// FP/SIMD starts trapped: the first use gives a thread the registers (thread/fpu.cpp).
void fpu_enable_for_user();

} // namespace rampart::arch
