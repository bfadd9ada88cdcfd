// Booting: the loader's handoff turned into a running root task.
#pragma once

#include "arch/context.hpp"

#include <stdint.h>

namespace rampart::boot {

// Sets up the machine, the boot memory plan, the root task and its untypeds,
// and starts the scheduler; returns the root task's context to enter. A boot
// that cannot go on halts the machine (status 254) after saying why.
arch::UserContext* start_kernel(uint64_t handoff_paddr);

} // namespace rampart::boot
