// IRQ handler caps: the generic hook run when the last one of an IRQ goes.
#pragma once

#include <stdint.h>

namespace rampart::kernel {

// Masks the interrupt and detaches its notification.
void irq_handler_finalise(uint64_t irq);

} // namespace rampart::kernel
