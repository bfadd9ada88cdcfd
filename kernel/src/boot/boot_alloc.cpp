#include "boot/boot_alloc.hpp"

#include "arch/kernel_window.hpp"

extern "C" void* memset(void* dst, int c, unsigned long n);

namespace rampart::boot {

uint64_t BootAllocator::alloc(unsigned size_bits) {
    const uint64_t size = 1ull << size_bits;
    if (next_ < floor_ + size)
        return 0;
    const uint64_t base = (next_ - size) & ~(size - 1);
    if (base < floor_)
        return 0;
    next_ = base;
    memset(kernel::ptr_from_paddr(base), 0, size);
    return base;
}

} // namespace rampart::boot
