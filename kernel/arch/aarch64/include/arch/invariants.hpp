// The architecture's part of the invariant checker (kernel/invariants.hpp).
#pragma once

#include "kernel/invariants.hpp"

namespace rampart::arch {

// AArch64: every installed ASID pool is live and installed where its cap
// says; every mapped VSpace's ASID names it, and every ASID in a live pool
// names a live mapped VSpace; the user address space in use is the current
// thread's; user code may not write the performance counters.
bool check_invariants(kernel::InvariantCheck& check);

} // namespace rampart::arch
