// Host backend of the architecture's object hooks: recording fakes that the
// unit tests inspect (see host_recorder.hpp). Every architecture provides
// arch/object_hooks.hpp declaring these two functions in rampart::kernel:
//
//   arch_init_object(type, base, device)
//       A new frame / page table / VSpace was made at base (memory already
//       cleared unless device); prepare it (e.g. clean caches for tables).
//   arch_finalise_cap(cap, final)
//       A frame, page-table, VSpace or ASID-pool cap is being deleted: unmap
//       the frame cap's mapping (every frame cap), unlink a table / release an
//       ASID / a pool when `final`.
//   arch_clear_memory(base, bytes)
//       Zeroes RAM for Untyped Retype and reset (memset here).
#pragma once

#include <stdint.h>

#include "kernel/cap.hpp"

namespace rampart::kernel {

void arch_init_object(uint64_t type, Paddr base, bool device);
void arch_finalise_cap(const Cap& cap, bool final);

// Zeroes [base, base + bytes) of RAM; both are multiples of 16.
void arch_clear_memory(Paddr base, uint64_t bytes);

} // namespace rampart::kernel
