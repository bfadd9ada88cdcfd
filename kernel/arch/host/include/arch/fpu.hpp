// The host machine's FP registers: four words, switched lazily like
// AArch64's (kernel/arch/aarch64/include/arch/fpu.hpp): a thread traps on
// first use while another thread owns them.
#pragma once

#include <stdint.h>

namespace rampart::arch {

struct FpuState {
    uint64_t v[4];
};

extern "C" void arch_fpu_save(FpuState* s);
extern "C" void arch_fpu_load(const FpuState* s);

// Allows or traps FP use by user code (the machine records it).
void fpu_access(bool allowed);

} // namespace rampart::arch
