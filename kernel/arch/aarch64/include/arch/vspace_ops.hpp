// Operations on user translation tables that VSpace, page-table and frame
// caps name (AArch64, 48-bit VA: L0 512 GiB, L1 1 GiB, L2 2 MiB, L3 4 KiB
// entries; the VSpace is the level-0 table).
#pragma once

#include <stdint.h>

#include "arch/pte.hpp"

namespace rampart::arch {

// An ASID went: the current thread's address space is made current again,
// so that it does not go on in one its ASID no longer names (seL4's
// setVMRoot(ksCurThread) after deleteASID / deleteASIDPool).
void reload_current_vspace();

// The deepest level whose entry for vaddr is reachable (0..3) and that entry:
// the walk goes down while the entry holds a table (seL4's lookupPTSlot).
struct Walk {
    unsigned level;
    Pte* entry;
};
Walk walk_to_leaf(uint64_t root, uint64_t vaddr);

// The entry that maps `vaddr` at `level` in the tree rooted at `root`, or
// nullptr when a table on the way is missing (or a block is in the way).
Pte* lookup_entry(uint64_t root, uint64_t vaddr, unsigned level);

// Level of the table whose entries are `size_bits` mappings (12 -> 3, 21 -> 2, 30 -> 1).
constexpr unsigned level_of_page(unsigned size_bits) {
    return last_level - (size_bits - page_bits) / table_bits;
}
static_assert(level_of_page(12) == 3 && level_of_page(21) == 2 && level_of_page(30) == 1);

// Clears the mapping of `paddr` at vaddr (if that is what is mapped there) and flushes it.
void unmap_page(uint64_t asid, uint64_t vaddr, uint64_t paddr, unsigned size_bits);
// Unlinks the table at `table` from the place it is linked for vaddr.
void unmap_table(uint64_t asid, uint64_t vaddr, uint64_t table);

} // namespace rampart::arch
