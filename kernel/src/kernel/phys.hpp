// Physical memory access for generic code: the only way from a paddr to a
// kernel pointer is the architecture's kernel window.
#pragma once

#include <arch/kernel_window.hpp>

#include "kernel/types.hpp"

namespace rampart::kernel {

template <typename T>
inline T* phys_ptr(Paddr p) {
    return ptr_from_paddr<T>(p.value);
}

inline Paddr phys_of(const void* p) {
    return Paddr{paddr_from_ptr(p)};
}

} // namespace rampart::kernel
