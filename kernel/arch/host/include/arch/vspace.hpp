// The host machine's address-space registers: which translation table the
// MMU would walk for user code and where the IPC buffer is, recorded for
// the harness to check against the running thread (arch/host_machine.hpp).
// Same interface as kernel/arch/aarch64/include/arch/vspace.hpp.
#pragma once

#include <stdint.h>

#include "arch/asid.hpp"
#include "kernel/cap.hpp"

namespace rampart::arch {

void kernel_window_init();
void vspace_activate(uint64_t root, uint16_t asid);
void load_read_only_thread_id(uint64_t v);
// No user address space: every user access faults.
void vspace_activate_none();

// The user address space in use, and the one a thread with this VSpace cap
// runs in (its table and ASID when arch::vspace_usable, else none): root |
// asid << 48, 0 for none.
uint64_t user_translation_base();
uint64_t translation_base_of(const kernel::Cap& vspace);
// Makes the address space of a thread with this VSpace cap the current one.
void vspace_activate_for(const kernel::Cap& vspace);

} // namespace rampart::arch
