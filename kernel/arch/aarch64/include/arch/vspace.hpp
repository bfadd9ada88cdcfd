// Address spaces: the kernel window (TTBR1) and user translation tables (TTBR0).
#pragma once

#include "arch/asid.hpp"
#include "arch/registers.hpp"
#include "kernel/cap.hpp"

#include <stdint.h>

namespace rampart::arch {

// Installs the kernel's own level-1 window table, replacing the loader's.
void kernel_window_init();

// Makes `root` the current user address space under `asid`.
// Inline: it is on every context switch.
inline void vspace_activate(uint64_t root, uint16_t asid) {
    RAMPART_WRITE_SYSREG(ttbr0_el1, root | (uint64_t{asid} << 48));
    isb();
}

// The table every user access faults in (a thread without a valid VSpace).
uint64_t no_user_space();

// TTBR0 for a thread with this VSpace cap: its table and ASID, or none.
inline uint64_t translation_base_of(const kernel::Cap& vs) {
    return vspace_usable(vs) ? vs.paddr().value | (vs.mapped_word() << 48) : no_user_space();
}

// Makes the address space of a thread with this VSpace cap the current one.
inline void vspace_activate_for(const kernel::Cap& vs) {
    RAMPART_WRITE_SYSREG(ttbr0_el1, translation_base_of(vs));
    isb();
}

// Loads the thread's read-only thread-ID register (TPIDRRO_EL0: readable, not
// writable, at EL0), UserContext::read_only_thread_id.
inline void load_read_only_thread_id(uint64_t v) {
    asm volatile("msr tpidrro_el0, %0" ::"r"(v));
}

// No user address space: every user access faults (a thread without a valid VSpace).
void vspace_activate_none();

// The user address space in use (TTBR0_EL1), for the invariant checker.
uint64_t user_translation_base();

} // namespace rampart::arch
