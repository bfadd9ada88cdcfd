// The whole invariant checker (kernel/invariants.hpp): the capability core,
// the objects' pointers, the scheduler, interrupts and the architecture, in
// one run. DebugCheck runs it; the host fuzzers call it after every system call.
#pragma once

#include "kernel/invariants.hpp"

namespace rampart::check {

// `nonce` must differ from the previous run's; `probe` (may be null) tells
// whether an interrupt is pending, which stops the run undecided.
kernel::InvariantReport check_kernel(uint64_t nonce, kernel::InvariantCheck::InterruptProbe probe);

} // namespace rampart::check
