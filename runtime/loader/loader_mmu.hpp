// The loader's translation tables: one level-1 table of 1 GiB blocks serving
// both as the kernel window (TTBR1, 39-bit) and, below a level-0 table whose
// first entry names it, as the loader's identity map (TTBR0, 48-bit: the
// user half has four levels, kernel_layout.h).
#pragma once

#include <arch/window_map.hpp>

extern "C" void loader_enable_mmu(uint64_t user_table, uint64_t kernel_table, uint64_t tcr,
                                  uint64_t mair);

namespace loader {

alignas(4096) inline rampart::arch::Pte l0_table[rampart::arch::entries];
alignas(4096) inline rampart::arch::Pte l1_table[rampart::arch::entries];

inline void mmu_enable() {
    for (uint64_t i = 0; i < rampart::arch::entries; ++i)
        l1_table[i] = rampart::arch::window_entry(i);
    l0_table[0] = rampart::arch::Pte::table(reinterpret_cast<uint64_t>(l1_table));
    uint64_t mmfr0;
    asm volatile("mrs %0, id_aa64mmfr0_el1" : "=r"(mmfr0));
    const uint64_t ips = mmfr0 & 0x7; // PARange encodes IPS directly (Arm ARM D17.2.64)
    loader_enable_mmu(reinterpret_cast<uint64_t>(l0_table), reinterpret_cast<uint64_t>(l1_table),
                      rampart::arch::tcr_value(ips),
                      rampart::arch::mair_value);
}

} // namespace loader
