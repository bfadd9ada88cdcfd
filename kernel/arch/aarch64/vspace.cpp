// The kernel window's translation table (TTBR1) and the empty user table.
#include "arch/vspace.hpp"
#include "arch/kernel_window.hpp"
#include "arch/registers.hpp"
#include "arch/window_map.hpp"

namespace rampart::arch {
namespace {

alignas(4096) Pte kernel_l1[entries];
alignas(4096) Pte empty_root[entries]; // maps nothing

} // namespace

void kernel_window_init() {
    for (uint64_t i = 0; i < entries; ++i)
        kernel_l1[i] = window_entry(i);
    dsb_ishst();
    RAMPART_WRITE_SYSREG(ttbr1_el1, kernel::paddr_from_ptr(kernel_l1));
    isb();
    asm volatile("tlbi vmalle1\n\tdsb nsh\n\tisb" ::: "memory");
}

uint64_t user_translation_base() {
    return RAMPART_READ_SYSREG(ttbr0_el1);
}

uint64_t no_user_space() {
    return kernel::paddr_from_ptr(empty_root);
}

void vspace_activate_none() {
    vspace_activate(kernel::paddr_from_ptr(empty_root), 0);
}

} // namespace rampart::arch
