// Table walks, unmapping and the object hooks of the capability core.
#include "arch/vspace_ops.hpp"

#include "arch/asid.hpp"
#include "arch/barrier.hpp"
#include "arch/kernel_window.hpp"
#include "arch/object_hooks.hpp"
#include "arch/tlb.hpp"
#include "arch/vspace.hpp"
#include "thread/current.hpp"

#include <rampart/objects.h>

namespace rampart::arch {

namespace {

// The walk from `root`, stopping at `deepest` at the latest.
Walk walk(uint64_t root, uint64_t vaddr, unsigned deepest) {
    uint64_t table = root;
    for (unsigned l = user_root_level;; ++l) {
        Pte* e = kernel::ptr_from_paddr<Pte>(table) + ((vaddr >> level_shift(l)) & (entries - 1));
        if (l == deepest || !e->is_table(l))
            return {l, e};
        table = e->paddr();
    }
}

} // namespace

Walk walk_to_leaf(uint64_t root, uint64_t vaddr) {
    return walk(root, vaddr, last_level);
}

Pte* lookup_entry(uint64_t root, uint64_t vaddr, unsigned level) {
    const Walk w = walk(root, vaddr, level);
    return w.level == level ? w.entry : nullptr;
}

void unmap_page(uint64_t asid, uint64_t vaddr, uint64_t paddr, unsigned size_bits) {
    const uint64_t root = vspace_of_asid(asid);
    if (!root)
        return;
    Pte* e = lookup_entry(root, vaddr, level_of_page(size_bits));
    if (!e || !e->valid() || e->is_table(level_of_page(size_bits)) || e->paddr() != paddr)
        return;
    *e = Pte();
    tlb_flush_page(asid, vaddr);
}

void unmap_table(uint64_t asid, uint64_t vaddr, uint64_t table) {
    const uint64_t root = vspace_of_asid(asid);
    if (!root)
        return;
    for (unsigned level = user_root_level; level < last_level; ++level) {
        Pte* e = lookup_entry(root, vaddr, level);
        if (!e || !e->is_table(level))
            return;
        if (e->paddr() == table) {
            *e = Pte();
            tlb_flush_asid(asid);
            return;
        }
    }
}

void reload_current_vspace() {
    if (const kernel::Tcb* t = thread::current())
        vspace_activate_for(t->slot(kernel::TcbSlot::VSpace).cap);
}

} // namespace rampart::arch

namespace rampart::kernel {

void arch_init_object(uint64_t type, Paddr, bool) {
    if (type == RAMPART_OBJ_PAGE_TABLE || type == RAMPART_OBJ_VSPACE)
        arch::dsb_ishst(); // the walker sees only zeroes (invalid entries)
}

void arch_finalise_cap(const Cap& cap, bool final) {
    const uint64_t asid = cap.mapped_word() >> 48;
    const uint64_t vaddr = cap.mapped_word() & lib::mask(48);
    switch (cap.type()) {
    case CapType::Frame:
        if (cap.frame_is_mapped())
            arch::unmap_page(asid, vaddr, cap.paddr().value, frame_size_bits(cap.frame_size()));
        break;
    case CapType::PageTable:
        if (final && cap.table_is_mapped())
            arch::unmap_table(asid, vaddr, cap.paddr().value);
        break;
    case CapType::VSpace:
        if (final && cap.table_is_mapped()) {
            arch::asid_release(cap.mapped_word(), cap.paddr());
            arch::reload_current_vspace(); // it may have been the current thread's
        }
        break;
    case CapType::AsidPool:
        if (final) {
            arch::asid_pool_remove(cap.asid_base());
            arch::reload_current_vspace();
        }
        break;
    default:
        break;
    }
}

} // namespace rampart::kernel
