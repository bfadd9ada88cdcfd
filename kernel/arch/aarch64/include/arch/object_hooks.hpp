// The architecture's part of object creation and deletion (AArch64):
// translation tables, frames, ASIDs. Called by the generic capability core.
#pragma once

#include <stdint.h>

#include "kernel/cap.hpp"

namespace rampart::kernel {

// A new frame / page table / VSpace was made at base (memory already cleared
// unless device): make the zeroes visible to the table walker.
void arch_init_object(uint64_t type, Paddr base, bool device);

// A frame, page-table, VSpace or ASID-pool cap is being deleted: unmap the
// frame cap's mapping (every frame cap); unlink a table, release an ASID or a
// pool when `final`.
void arch_finalise_cap(const Cap& cap, bool final);

// Zeroes [base, base + bytes) of RAM, in the memory itself and not only in
// the caches (an uncached mapping or a device reading it sees the zeroes);
// both are multiples of 16.
void arch_clear_memory(Paddr base, uint64_t bytes);

} // namespace rampart::kernel
