// The kernel's scheduling timer: the EL1 physical generic timer.
#pragma once

#include <stdint.h>

namespace rampart::arch {

void timer_init();
uint32_t timer_irq();
uint64_t timer_frequency();
uint64_t timer_now();                    // counter ticks
void timer_set_deadline(uint64_t ticks); // absolute, in counter ticks
void timer_ack();                        // silences the timer until the next deadline

} // namespace rampart::arch
