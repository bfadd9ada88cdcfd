// The derivation tree: relations between caps (seL4's sameRegionAs,
// sameObjectAs, isMDBParentOf) and the list operations on slots.
//
// All live caps hang in one list behind a kernel-owned sentinel slot, so the
// whole tree can be walked (invariant checks) and every slot has a
// predecessor. Children follow their parent; a parent's descendants are the
// maximal run after it for which is_parent_of holds.
#pragma once

#include "kernel/slot.hpp"

namespace rampart::kernel {

// The head of the list; its cap is null and it is never removed.
Slot& mdb_sentinel();
// Empties the list (boot, and host tests that start from fresh memory).
void mdb_reset();

[[nodiscard]] bool is_physical(const Cap& cap);
// First and last byte of the memory a physical cap names.
[[nodiscard]] Paddr cap_region_base(const Cap& cap);
[[nodiscard]] uint64_t cap_region_bytes(const Cap& cap);

[[nodiscard]] bool same_region_as(const Cap& a, const Cap& b);
[[nodiscard]] bool same_object_as(const Cap& a, const Cap& b);
[[nodiscard]] bool is_parent_of(const Slot& parent, const Slot& child);
// Whether a cap derived from src as new_cap starts a new subtree of revocation.
[[nodiscard]] bool is_cap_revocable(const Cap& new_cap, const Cap& src);

[[nodiscard]] bool has_children(const Slot& slot);
// No other cap in the tree names the same object.
[[nodiscard]] bool is_final(const Slot& slot);

// Puts new_cap into the empty dest as a child (or sibling) of src.
void mdb_insert(const Cap& new_cap, Slot& src, Slot& dest);
// Puts new_cap into the empty dest as a new root (boot), in address order.
void mdb_insert_root(const Cap& new_cap, Slot& dest);
// The same, looking for its place only after `start` (the sentinel or a
// root no lower than new_cap): caps given in descending address order, each
// after the one before, take one walk of the list in all.
void mdb_insert_root_after(const Cap& new_cap, Slot& dest, Slot& start);
// Puts a new object's cap into the empty dest as a child of the untyped in parent.
void mdb_insert_new(const Cap& new_cap, Slot& parent, Slot& dest);
// Moves the cap (as new_cap) and its place in the tree from src to the empty dest.
void mdb_move(const Cap& new_cap, Slot& src, Slot& dest);
// Exchanges two slots' caps and places in the tree.
// The caps are taken by value: either may be read from one of the two slots.
void mdb_swap(Cap cap1, Slot& slot1, Cap cap2, Slot& slot2);
// Unlinks the slot and makes it empty; children move up to its parent.
void mdb_remove(Slot& slot);

} // namespace rampart::kernel
