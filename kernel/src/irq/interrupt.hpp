// Interrupt handling: the kernel's own timer, and (with the IRQ issue) user IRQs.
#pragma once

#include <stdint.h>

namespace rampart::irq {

void init();
// Acknowledges and handles every pending interrupt.
void handle_pending_interrupts();
// Whether an interrupt waits for the kernel (a long operation's preemption point).
bool interrupt_waiting();

} // namespace rampart::irq
