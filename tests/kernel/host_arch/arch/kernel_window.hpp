// Host backend of the kernel window: "physical memory" is one aligned host
// buffer (host::phys_size bytes at the fake physical address host::phys_base).
// Same interface as kernel/arch/<arch>/include/arch/kernel_window.hpp.
#pragma once

#include <stdint.h>

namespace rampart::kernel {

namespace host {

inline constexpr uint64_t phys_base = 0x4000'0000;
inline constexpr uint64_t phys_size = uint64_t{64} << 20;

// The buffer (allocated once, 2 MiB aligned).
unsigned char* memory();
// Out-of-range conversions abort the test program.
[[noreturn]] void bad_paddr(uint64_t paddr);

} // namespace host

template <typename T = void>
inline T* ptr_from_paddr(uint64_t paddr) {
    if (paddr < host::phys_base || paddr - host::phys_base >= host::phys_size) {
        host::bad_paddr(paddr);
    }
    return reinterpret_cast<T*>(host::memory() + (paddr - host::phys_base));
}

inline uint64_t paddr_from_ptr(const void* p) {
    return static_cast<uint64_t>(static_cast<const unsigned char*>(p) - host::memory()) +
           host::phys_base;
}

} // namespace rampart::kernel
