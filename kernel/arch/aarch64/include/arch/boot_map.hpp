// Mapping the root task's image at boot, before any user invocation: the
// architecture's table format, tables taken from the boot allocator.
#pragma once

#include "arch/pte.hpp"

#include <stdint.h>

namespace rampart::arch {

// Hands out zeroed, page-aligned 4 KiB tables (physical addresses) during boot.
struct TableSource {
    uint64_t (*alloc)(void* self);
    void* self;
};

// Maps one 4 KiB user page, creating missing tables from `tables`. Returns
// false when the slot is already mapped or the address is not a user address.
[[nodiscard]] bool map_user_page(uint64_t root, uint64_t vaddr, uint64_t paddr, Access access,
                                 MemType type, TableSource tables);

} // namespace rampart::arch
