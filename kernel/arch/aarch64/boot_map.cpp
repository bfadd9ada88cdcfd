// The root task's image mapped into its translation tables at boot.
#include "arch/boot_map.hpp"

#include "arch/barrier.hpp"
#include "arch/kernel_window.hpp"

#include <rampart/aarch64/kernel_layout.h>

namespace rampart::arch {

bool map_user_page(uint64_t root, uint64_t vaddr, uint64_t paddr, Access access, MemType type,
                   TableSource tables) {
    if (vaddr >= RAMPART_USER_TOP || (vaddr | paddr) & ((1ull << page_bits) - 1))
        return false;
    uint64_t table = root;
    for (unsigned level = user_root_level; level < last_level; ++level) {
        Pte& e = kernel::ptr_from_paddr<Pte>(table)[(vaddr >> level_shift(level)) & (entries - 1)];
        if (!e.valid()) {
            const uint64_t next = tables.alloc(tables.self);
            if (!next)
                return false;
            e = Pte::table(next);
        } else if (!e.is_table(level)) {
            return false;
        }
        table = e.paddr();
    }
    Pte& leaf =
        kernel::ptr_from_paddr<Pte>(table)[(vaddr >> level_shift(last_level)) & (entries - 1)];
    if (leaf.valid())
        return false;
    leaf = Pte::leaf(paddr, last_level, type, access);
    dsb_ishst();
    return true;
}

} // namespace rampart::arch
