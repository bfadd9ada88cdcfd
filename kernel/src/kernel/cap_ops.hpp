// Transformations of a cap on its way into another slot: deriving a copy,
// masking rights, setting a badge or a CNode guard (seL4 deriveCap,
// maskCapRights, updateCapData).
#pragma once

#include "kernel/slot.hpp"
#include "kernel/status.hpp"

namespace rampart::kernel {

// The cap a copy of `cap` (held in `slot`) gets; null when the type cannot be
// copied (IRQ control, zombies). Untyped caps with children: RevokeFirst.
// Unmapped page tables / VSpaces: IllegalOperation. Frames lose their mapping.
Status derive_cap(const Slot& slot, const Cap& cap, Cap& out);

// Drops the rights not in `rights` (only ever drops).
[[nodiscard]] Cap mask_cap_rights(Rights rights, const Cap& cap);

// Applies Mint / Mutate data: a badge for unbadged endpoints and notifications
// (Mint only: preserve = false), a guard for CNodes. Null when not allowed.
[[nodiscard]] Cap update_cap_data(bool preserve, uint64_t data, const Cap& cap);

} // namespace rampart::kernel
