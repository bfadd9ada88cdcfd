// Handing the rest of memory to the root task as untyped capabilities.
#pragma once

#include "boot/root_task.hpp"

#include <rampart/boot_untypeds.hpp>

namespace rampart::boot {

// One cap per planned untyped, in the plan's order, from the next free slot;
// the boot info lists them (paddr, size, device) in the same order.
void provide_untypeds(const Plan& plan, RootTask& root);

} // namespace rampart::boot
