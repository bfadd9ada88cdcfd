// Memory-mapped device registers reached through the kernel window.
#pragma once

#include "arch/kernel_window.hpp"

#include <stdint.h>

namespace rampart::arch {

template <typename T = uint32_t>
inline volatile T& mmio(uint64_t paddr) {
    return *kernel::ptr_from_paddr<volatile T>(paddr);
}

} // namespace rampart::arch
