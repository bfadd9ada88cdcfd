#include "boot/untypeds.hpp"

#include "kernel/mdb.hpp"
#include "object/untyped.hpp"

namespace rampart::boot {

void provide_untypeds(const Plan& plan, RootTask& r) {
    rampart_bootinfo& bi = *r.bootinfo;
    const uint64_t first = r.next_free_slot;
    const uint32_t n = plan.untyped_count; // create_root_task made sure they all fit
    // Slots and boot info in plan order; into the derivation list from the
    // highest address down, each after the one before (one walk in all).
    uint32_t order[RAMPART_MAX_BOOT_UNTYPEDS];
    for (uint32_t i = 0; i < n; ++i) {
        uint32_t at = i;
        for (; at > 0 && plan.untypeds[order[at - 1]].paddr < plan.untypeds[i].paddr; --at)
            order[at] = order[at - 1];
        order[at] = i;
    }
    kernel::Slot* after = &kernel::mdb_sentinel();
    for (uint32_t k = 0; k < n; ++k) {
        const uint32_t i = order[k];
        const Block& b = plan.untypeds[i];
        kernel::Slot& slot = r.cnode[first + i];
        kernel::mdb_insert_root_after(kernel::boot_untyped_cap(kernel::Paddr{b.paddr},
                                                               kernel::SizeBits{b.size_bits},
                                                               b.is_device),
                                      slot, *after);
        after = &slot;
        bi.untyped_list[i] =
            rampart_untyped_desc{b.paddr, b.size_bits, b.is_device ? uint8_t{1} : uint8_t{0}, {}};
    }
    r.next_free_slot = first + n;
    bi.untyped = {first, first + n};
}

} // namespace rampart::boot
