// The PMU cycle counter as a user-readable instruction counter for benchmarks.
#pragma once

namespace rampart::arch {

// Starts PMCCNTR_EL0 counting at EL0, EL1 and EL2 and lets EL0 read it, and
// nothing else of the PMU (PMUSERENR_EL0.CR). Under QEMU -icount shift=0 it
// then counts guest instructions exactly. Debug kernels only: the counter is
// a timing channel.
void perf_counter_enable_for_user();

// Whether EL0 may write any PMU register (the invariant checker: never).
bool perf_counter_user_may_write();

} // namespace rampart::arch
