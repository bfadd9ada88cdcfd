// The interrupt controller: one implementation per GIC version, picked by the build.
#pragma once

#include "arch/registers.hpp"

#include <stdint.h>

namespace rampart::arch {

inline constexpr uint32_t irq_spurious = 1023;

void irq_controller_init();
void irq_enable(uint32_t irq);
void irq_disable(uint32_t irq);
// Returns the pending interrupt's id (irq_spurious when none) and activates it.
uint32_t irq_acknowledge();
// Whether the controller signals an interrupt to this CPU, masked or not
// (Arm ARM D17.2.81 ISR_EL1: I, bit 7).
inline bool irq_waiting() {
    return (RAMPART_READ_SYSREG(isr_el1) & (1u << 7)) != 0;
}
// Edge- or level-sensitive (shared peripheral interrupts only).
void irq_set_trigger(uint32_t irq, bool edge);
void irq_end(uint32_t irq);
const char* irq_controller_name();

} // namespace rampart::arch
