// The kernel window: all physical memory the kernel touches is mapped at
// RAMPART_KERNEL_WINDOW + pa. Generic code converts addresses only through here.
#pragma once

#include <rampart/aarch64/kernel_layout.h>
#include <stdint.h>

namespace rampart::kernel {

template <typename T = void>
inline T* ptr_from_paddr(uint64_t paddr) {
    return reinterpret_cast<T*>(paddr + RAMPART_KERNEL_WINDOW);
}

inline uint64_t paddr_from_ptr(const void* p) {
    return reinterpret_cast<uint64_t>(p) - RAMPART_KERNEL_WINDOW;
}

} // namespace rampart::kernel
