// Untyped memory: Retype, and the preemptible reset that clears an untyped
// whose children are all gone before it is used again.
#pragma once

#include "kernel/budget.hpp"
#include "kernel/cap.hpp"
#include "kernel/slot.hpp"
#include "kernel/status.hpp"

namespace rampart::kernel {

// Bytes cleared per budget unit when an untyped is reset.
inline constexpr unsigned untyped_reset_chunk_bits = 8;

// Where the destination window of a Retype lies: the CNode named by
// (root, index, depth) - the root itself when depth is 0 - and `count`
// slots from `offset`.
struct RetypeDest {
    Cap root;
    CPtr node_index;
    uint64_t node_depth = 0;
    uint64_t node_offset = 0;
    uint64_t count = 0;
};

// Untyped Retype with seL4's semantics: objects are placed at the watermark
// rounded up to their natural alignment; an untyped without children is
// reset first (watermark to 0, what was below it cleared in preemptible
// chunks); device untypeds make only frames and untypeds. Memory is cleared
// when it is handed out, not before: a Retype clears the part of its objects
// not yet known to be zero (rampart/untyped_rule.hpp). May return preempted
// while clearing; restarting with the same arguments continues.
Status untyped_retype(Slot& untyped_slot, uint64_t type, uint64_t size_bits, const RetypeDest& dest,
                      Budget& budget);

// The cap of a boot untyped: watermark and clear mark at 0 (its contents are
// unknown, so each Retype clears what it hands out); device memory is never
// cleared.
[[nodiscard]] Cap boot_untyped_cap(Paddr base, SizeBits size, bool device);

} // namespace rampart::kernel
