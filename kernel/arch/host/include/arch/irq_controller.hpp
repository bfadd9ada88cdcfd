// The host machine's interrupt controller: lines the harness raises, each
// enabled or masked, pending and active as on a GIC.
// Same interface as kernel/arch/aarch64/include/arch/irq_controller.hpp.
#pragma once

#include <stdint.h>

namespace rampart::arch {

inline constexpr uint32_t irq_spurious = 1023;

void irq_controller_init();
void irq_enable(uint32_t irq);
void irq_disable(uint32_t irq);
// Returns the pending interrupt's id (irq_spurious when none) and activates it.
uint32_t irq_acknowledge();
// Whether an enabled line is pending (a long operation's preemption point).
bool irq_waiting();
void irq_set_trigger(uint32_t irq, bool edge);
void irq_end(uint32_t irq);
const char* irq_controller_name();

} // namespace rampart::arch
