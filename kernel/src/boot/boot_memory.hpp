// The boot memory plan for this machine (DESIGN contract 2): where the root
// task's boot objects go and which untypeds the rest of memory becomes.
#pragma once

#include <rampart/boot_handoff.h>
#include <rampart/boot_untypeds.hpp>

namespace rampart::boot {

// Plans from the board's memory map, the kernel region, and the root task's
// image (reserved); the result lives in kernel memory until boot ends.
const Plan& plan_machine_memory(const rampart_boot_handoff& handoff, unsigned cnode_radix,
                                uint32_t page_tables);

} // namespace rampart::boot
