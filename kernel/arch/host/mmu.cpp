// The host machine's MMU registers and maintenance operations, and clearing
// memory: recorded for the harness (arch/host_machine.hpp); the tables
// themselves are in the AArch64 format and handled by the AArch64 table code.
#include "arch/cache.hpp"
#include "arch/host_machine.hpp"
#include "arch/kernel_window.hpp"
#include "arch/object_hooks.hpp"
#include "arch/tlb.hpp"
#include "arch/vspace.hpp"

#include <platform/platform.hpp>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace rampart::arch {

void kernel_window_init() {}

void vspace_activate(uint64_t root, uint16_t asid) {
    host::machine().active_root = root;
    host::machine().active_asid = asid;
}

void load_read_only_thread_id(uint64_t v) {
    host::machine().thread_id = v;
}

void vspace_activate_none() {
    vspace_activate(0, 0);
}

uint64_t user_translation_base() {
    return host::machine().active_root | (host::machine().active_asid << 48);
}

uint64_t translation_base_of(const kernel::Cap& vspace) {
    return vspace_usable(vspace) ? vspace.paddr().value | (vspace.mapped_word() << 48) : 0;
}

void vspace_activate_for(const kernel::Cap& vspace) {
    const uint64_t base = translation_base_of(vspace);
    vspace_activate(base & lib::mask(48), static_cast<uint16_t>(base >> 48));
}

void tlb_flush_asid(uint64_t asid) {
    if (asid >> 16) {
        static char text[96];
        snprintf(text, sizeof text, "the kernel flushed the TLB of ASID %#llx",
                 static_cast<unsigned long long>(asid));
        host::on_machine_fault(text);
    }
    ++host::machine().tlb_flushes;
}

void tlb_flush_page(uint64_t asid, uint64_t) {
    tlb_flush_asid(asid);
}

namespace {

bool within(uint64_t pa, uint64_t size, uint64_t base, uint64_t bytes) {
    return pa >= base && size <= bytes && pa - base <= bytes - size;
}

} // namespace

// Nothing to maintain, but the kernel must only name RAM or device memory.
void cache_maintain(CacheOp, uint64_t pa, uint64_t size) {
    bool ok = within(pa, size, kernel::host::phys_base, kernel::host::phys_size);
    for (const auto& d : platform::user_devices)
        ok = ok || within(pa, size, d.base, d.size);
    if (!ok) {
        static char text[128];
        snprintf(text, sizeof text,
                 "the kernel maintained caches of [%#llx, +%#llx), outside memory",
                 static_cast<unsigned long long>(pa), static_cast<unsigned long long>(size));
        host::on_machine_fault(text);
    }
}

} // namespace rampart::arch

namespace rampart::kernel {

// Zeroes RAM for Untyped Retype and reset (counted for the tests).
void arch_clear_memory(Paddr base, uint64_t bytes) {
    arch::host::machine().cleared_bytes += bytes;
    memset(ptr_from_paddr(base.value), 0, bytes);
}

} // namespace rampart::kernel
