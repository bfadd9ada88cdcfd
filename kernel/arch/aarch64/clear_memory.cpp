// Clearing memory for Untyped Retype and reset: DC ZVA zeroes a whole block
// (DCZID_EL0.BS words, 64 bytes on Cortex-A53/A57/A72) per instruction; the
// kernel window maps RAM as Normal write-back memory, which DC ZVA needs.
// Each block is then cleaned to the point of coherency (DC CVAC), as seL4
// cleans new frames: the zeroes are in RAM too, so an uncached mapping or a
// device reading the memory never sees what it held before.
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

// CTR_EL0 (Arm ARM D17.2.34): DminLine [19:16], log2 of the smallest data
// cache line in words.
uint64_t line_bytes() {
    return uint64_t{4} << ((RAMPART_READ_SYSREG(ctr_el0) >> 16) & 0xf);
}

// Cleans the lines of [from, to) to the point of coherency.
void clean_lines(uint64_t from, uint64_t to) {
    const uint64_t line = line_bytes();
    for (uint64_t at = from & ~(line - 1); at < to; at += line)
        asm volatile("dc cvac, %0" ::"r"(at) : "memory");
}

// Zeroes and cleans one DC ZVA block that is also one cache line.
inline void zero_line(uint64_t at) {
    asm volatile("dc zva, %0\n\tdc cvac, %0" ::"r"(at) : "memory");
}

} // namespace

void arch_clear_memory(Paddr base, uint64_t bytes) {
    uint64_t at = reinterpret_cast<uint64_t>(phys_ptr<void>(base));
    const uint64_t start = at, end = at + bytes;
    const uint64_t block = zva_block_bytes();
    if (block != 0 && bytes >= 2 * block) {
        for (; at & (block - 1); at += 16)
            zero_pair(at);
        if (block == line_bytes()) { // the usual case: zero and clean in one pass
            clean_lines(start, at);
            for (; end - at >= 4 * block; at += 4 * block) {
                zero_line(at);
                zero_line(at + block);
                zero_line(at + 2 * block);
                zero_line(at + 3 * block);
            }
            for (; end - at >= block; at += block)
                zero_line(at);
        } else {
            for (; end - at >= block; at += block)
                asm volatile("dc zva, %0" ::"r"(at) : "memory");
            clean_lines(start, at);
        }
    }
    const uint64_t rest = at;
    for (; at < end; at += 16)
        zero_pair(at);
    clean_lines(rest, end);
    asm volatile("dsb ish" ::: "memory");
}

} // namespace rampart::kernel
