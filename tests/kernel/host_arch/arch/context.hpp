// Host backend of the user register context: same shape as the AArch64 one.
#pragma once

#include <stdint.h>

namespace rampart::arch {

struct UserContext {
    uint64_t x[31];
    uint64_t sp;
    uint64_t pc;
    uint64_t spsr;
    uint64_t tpidr;
    uint64_t padding;
    static constexpr uint64_t spsr_el0 = 0;
    static constexpr uint64_t spsr_user_writable = 0xf0000000;
};

} // namespace rampart::arch
