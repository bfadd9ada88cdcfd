// Clearing memory for Untyped Retype and reset: DC ZVA zeroes a whole block
// (DCZID_EL0.BS words, 64 bytes on Cortex-A53/A57/A72) per instruction; the
// kernel window maps RAM as Normal write-back memory, which DC ZVA needs.
#include <arch/object_hooks.hpp>

#include "arch/registers.hpp"
#include "kernel/phys.hpp"

namespace rampart::kernel {

namespace {

// DCZID_EL0 (Arm ARM D17.2.35): BS [3:0] log2 of the block size in words,
// DZP [4] set when DC ZVA is prohibited.
unsigned zva_block_bytes() {
    const uint64_t dczid = RAMPART_READ_SYSREG(dczid_el0);
    return (dczid & 0x10) ? 0 : 4u << (dczid & 0xf);
}

inline void zero_pair(uint64_t at) {
    asm volatile("stp xzr, xzr, [%0]" ::"r"(at) : "memory");
}

} // namespace

void arch_clear_memory(Paddr base, uint64_t bytes) {
    uint64_t at = reinterpret_cast<uint64_t>(phys_ptr<void>(base));
    const uint64_t end = at + bytes;
    const uint64_t block = zva_block_bytes();
    if (block != 0 && bytes >= 2 * block) {
        for (; at & (block - 1); at += 16)
            zero_pair(at);
        for (; end - at >= block; at += block)
            asm volatile("dc zva, %0" ::"r"(at) : "memory");
    }
    for (; at < end; at += 16)
        zero_pair(at);
}

} // namespace rampart::kernel
