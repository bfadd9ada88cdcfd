// FP/SIMD registers switched lazily: a thread's state stays in the registers
// until another thread touches them; access traps (CPACR_EL1.FPEN) while the
// registers belong to someone else. Switching threads costs one system
// register write; only threads that use FP pay for saving and loading.
#pragma once

#include <stdint.h>

namespace rampart::arch {

struct alignas(16) FpuState {
    uint64_t q[64]; // q0..q31, 16 bytes each
    uint64_t fpsr;
    uint64_t fpcr;
};
static_assert(sizeof(FpuState) == 528);

extern "C" void arch_fpu_save(FpuState* s);
extern "C" void arch_fpu_load(const FpuState* s);

// Allows or traps FP/SIMD use at EL0 (CPACR_EL1.FPEN, Arm ARM D17.2.30).
inline void fpu_access(bool allowed) {
    uint64_t v;
    asm volatile("mrs %0, cpacr_el1" : "=r"(v));
    const uint64_t want = allowed ? (v | (3ull << 20)) : (v & ~(3ull << 20));
    if (want != v)
        asm volatile("msr cpacr_el1, %0\n\tisb" ::"r"(want) : "memory");
}

} // namespace rampart::arch
