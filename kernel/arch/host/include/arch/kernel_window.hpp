// The host machine's physical memory: one aligned host buffer of
// host::phys_size bytes at the fake physical address host::phys_base, the
// "kernel window" through which generic code reaches every object. Any other
// physical address (device memory, garbage) becomes a pointer into a range
// the host never maps: computing it is fine, as on the real window, but an
// access stops the program (the kernel touched memory it may not).
// Same interface as kernel/arch/aarch64/include/arch/kernel_window.hpp.
#pragma once

#include <stdint.h>

namespace rampart::kernel {

namespace host {

inline constexpr uint64_t phys_base = 0x4000'0000;
inline constexpr uint64_t phys_size = uint64_t{64} << 20;

// The buffer (allocated once, 2 MiB aligned; it outlives machine resets).
unsigned char* memory();
// The inaccessible range other addresses land in.
inline constexpr uint64_t hole_size = uint64_t{1} << 32;
unsigned char* hole();

} // namespace host

template <typename T = void>
inline T* ptr_from_paddr(uint64_t paddr) {
    if (paddr < host::phys_base || paddr - host::phys_base >= host::phys_size) {
        return reinterpret_cast<T*>(host::hole() + (paddr & (host::hole_size - 1)));
    }
    return reinterpret_cast<T*>(host::memory() + (paddr - host::phys_base));
}

inline uint64_t paddr_from_ptr(const void* p) {
    return static_cast<uint64_t>(static_cast<const unsigned char*>(p) - host::memory()) +
           host::phys_base;
}

} // namespace rampart::kernel
