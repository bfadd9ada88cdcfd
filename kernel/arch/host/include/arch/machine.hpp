// Whole-machine operations on the host: halting and idling hand control to
// the harness (arch/host_machine.hpp).
// Same interface as kernel/arch/aarch64/include/arch/machine.hpp.
#pragma once

#include <stdint.h>

namespace rampart::arch {

[[noreturn]] void machine_halt(uint32_t status);
void machine_idle();
// An interrupt could be taken now (the invariant checker stops for it).
bool interrupt_pending();
void fpu_enable_for_user();

} // namespace rampart::arch
