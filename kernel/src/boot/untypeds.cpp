#include "boot/untypeds.hpp"

#include "kernel/mdb.hpp"
#include "object/untyped.hpp"

namespace rampart::boot {

void provide_untypeds(const Plan& plan, RootTask& r) {
    rampart_bootinfo& bi = *r.bootinfo;
    const uint64_t first = r.next_free_slot;
    uint32_t n = 0; // create_root_task made sure they all fit
    for (; n < plan.untyped_count; ++n) {
        const Block& b = plan.untypeds[n];
        kernel::mdb_insert_root(kernel::boot_untyped_cap(kernel::Paddr{b.paddr},
                                                         kernel::SizeBits{b.size_bits},
                                                         b.is_device),
                                r.cnode[r.next_free_slot++]);
        bi.untyped_list[n] =
            rampart_untyped_desc{b.paddr, b.size_bits, b.is_device ? uint8_t{1} : uint8_t{0}, {}};
    }
    bi.untyped = {first, first + n};
}

} // namespace rampart::boot
