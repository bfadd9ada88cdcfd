// The host machine's scheduling timer: a counter the harness advances
// (arch/host_machine.hpp) and one deadline, as the AArch64 generic timer.
// Same interface as kernel/arch/aarch64/include/arch/timer.hpp.
#pragma once

#include <stdint.h>

namespace rampart::arch {

void timer_init();
uint32_t timer_irq();
uint64_t timer_frequency();
void timer_ack(); // silences the timer until the next deadline
uint64_t timer_now();
void timer_set_deadline(uint64_t ticks);

} // namespace rampart::arch
