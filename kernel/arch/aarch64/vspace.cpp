// Translation tables for the kernel window and for user address spaces.
#include "arch/vspace.hpp"
#include "arch/kernel_window.hpp"
#include "arch/registers.hpp"
#include "arch/window_map.hpp"

#include <rampart/aarch64/kernel_layout.h>

namespace rampart::arch {
namespace {

alignas(4096) Pte kernel_l1[entries];
alignas(4096) Pte empty_l1[entries]; // maps nothing

uint64_t index_at(uint64_t vaddr, unsigned level) {
    return (vaddr >> level_shift(level)) & (entries - 1);
}

} // namespace

void kernel_window_init() {
    for (uint64_t i = 0; i < entries; ++i)
        kernel_l1[i] = window_entry(i);
    dsb_ishst();
    RAMPART_WRITE_SYSREG(ttbr1_el1, kernel::paddr_from_ptr(kernel_l1));
    isb();
    asm volatile("tlbi vmalle1\n\tdsb nsh\n\tisb" ::: "memory");
}

bool map_user_page(uint64_t root, uint64_t vaddr, uint64_t paddr, Access access, MemType type,
                   TableSource tables) {
    if (vaddr >= RAMPART_USER_TOP || (vaddr | paddr) & ((1ull << page_bits) - 1))
        return false;
    uint64_t table = root;
    for (unsigned level = 1; level < 3; ++level) {
        Pte& e = kernel::ptr_from_paddr<Pte>(table)[index_at(vaddr, level)];
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
    Pte& leaf = kernel::ptr_from_paddr<Pte>(table)[index_at(vaddr, 3)];
    if (leaf.valid())
        return false;
    leaf = Pte::leaf(paddr, 3, type, access);
    dsb_ishst();
    return true;
}

} // namespace rampart::arch

namespace rampart::arch {

uint64_t user_translation_base() {
    return RAMPART_READ_SYSREG(ttbr0_el1);
}

uint64_t translation_base_of(const kernel::Cap& vspace) {
    if (vspace.type() == kernel::CapType::VSpace && vspace.table_is_mapped())
        return vspace.paddr().value | (vspace.mapped_word() << 48);
    return kernel::paddr_from_ptr(empty_l1);
}

void vspace_activate_none() {
    vspace_activate(kernel::paddr_from_ptr(empty_l1), 0);
}

} // namespace rampart::arch
