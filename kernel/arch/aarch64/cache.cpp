// Cache maintenance by virtual address through the kernel window (Arm ARM
// C5.3 "Data cache maintenance instructions", 64-byte lines).
#include "arch/cache.hpp"

#include "arch/barrier.hpp"
#include "arch/kernel_window.hpp"

namespace rampart::arch {

void cache_maintain(CacheOp op, uint64_t pa, uint64_t size) {
    const uint64_t start = reinterpret_cast<uint64_t>(kernel::ptr_from_paddr(pa)) & ~uint64_t{63};
    const uint64_t end = reinterpret_cast<uint64_t>(kernel::ptr_from_paddr(pa + size));
    for (uint64_t va = start; va < end; va += 64) {
        switch (op) {
        case CacheOp::clean:
            asm volatile("dc cvac, %0" ::"r"(va) : "memory");
            break;
        case CacheOp::clean_invalidate:
            asm volatile("dc civac, %0" ::"r"(va) : "memory");
            break;
        case CacheOp::unify_instruction:
            asm volatile("dc cvau, %0" ::"r"(va) : "memory");
            break;
        }
    }
    dsb_ish();
    if (op == CacheOp::unify_instruction)
        asm volatile("ic iallu\n\tdsb ish\n\tisb" ::: "memory");
}

} // namespace rampart::arch
