// Level-1 entries of the kernel window, computed from the board's memory map:
// RAM as normal memory, gigabytes holding devices as device memory. Shared by
// the loader (which turns the MMU on) and the kernel (which keeps its own copy).
#pragma once

#include "arch/pte.hpp"

#include <platform/platform.hpp>

namespace rampart::arch {

inline constexpr uint64_t gib = 1ull << 30;

constexpr bool ram_is_gib_aligned() {
    for (const auto& r : platform::ram)
        if (r.base % gib || r.size % gib)
            return false;
    return true;
}
static_assert(ram_is_gib_aligned(), "the kernel window maps RAM in 1 GiB blocks");

constexpr Pte window_entry(uint64_t index) {
    const uint64_t base = index * gib;
    for (const auto& r : platform::ram)
        if (base >= r.base && base < r.base + r.size)
            return Pte::leaf(base, 1, MemType::normal, Access{false, true, true});
    for (const auto& d : platform::user_devices)
        if (d.size && d.base < base + gib && base < d.base + d.size)
            return Pte::leaf(base, 1, MemType::device_nGnRnE, Access{false, true, false});
    if (platform::console_base / gib == index || platform::gic_distributor / gib == index)
        return Pte::leaf(base, 1, MemType::device_nGnRnE, Access{false, true, false});
    return Pte();
}

} // namespace rampart::arch
