// Host backend of the FP/SIMD state type (same layout as AArch64's).
#pragma once

#include <stdint.h>

namespace rampart::arch {

struct alignas(16) FpuState {
    uint64_t q[64];
    uint64_t fpsr;
    uint64_t fpcr;
};

} // namespace rampart::arch
