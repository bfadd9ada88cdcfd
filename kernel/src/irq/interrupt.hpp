// Interrupt handling: the kernel's own timer, and (with the IRQ issue) user IRQs.
#pragma once

#include <stdint.h>

namespace rampart::irq {

void init();
// Acknowledges and handles every pending interrupt.
void handle_pending_interrupts();

} // namespace rampart::irq
