// CSpace addressing: resolving a capability address through guarded CNodes.
#pragma once

#include "kernel/slot.hpp"
#include "kernel/status.hpp"

namespace rampart::kernel {

// Slot `index` of the CNode the cap names (index below 2^radix).
[[nodiscard]] Slot* cnode_slot(const Cap& cnode, SlotIndex index);

struct Resolved {
    Slot* slot = nullptr;
    unsigned bits_remaining = 0; // bits not consumed when a non-CNode cap was met
};

// Resolves the top n_bits of cptr starting at node_cap: at each CNode the
// guard must match and radix bits index a slot; resolution continues while
// bits remain and the slot holds a CNode cap. Fills out on success.
[[nodiscard]] LookupFault resolve_address_bits(const Cap& node_cap, CPtr cptr, unsigned n_bits,
                                               Resolved& out);

// The slot named by (root, index, depth) for a CNode invocation: depth must be
// in 1..64 and must be consumed exactly. `is_source` goes into the error.
Status lookup_slot_for_cnode_op(bool is_source, const Cap& root, CPtr index, uint64_t depth,
                                Slot*& out);

// The slot a thread's cap address names (full word depth; stops at the first
// non-CNode cap). The syscall layer uses this for the invoked cap.
[[nodiscard]] LookupFault lookup_slot(const Cap& root, CPtr cptr, Slot*& out);

} // namespace rampart::kernel
