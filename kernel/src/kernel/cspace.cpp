// CSpace addressing through guarded CNodes (seL4 resolveAddressBits).
#include "kernel/cspace.hpp"

#include "kernel/phys.hpp"

namespace rampart::kernel {

Slot* cnode_slot(const Cap& cnode, SlotIndex index) {
    return phys_ptr<Slot>(cnode.paddr()) + index.value;
}

LookupFault resolve_address_bits(const Cap& node_cap, CPtr cptr, unsigned n_bits, Resolved& out) {
    if (node_cap.type() != CapType::CNode) {
        return LookupFault::invalid_root();
    }
    Cap node = node_cap;
    for (;;) {
        const unsigned radix = node.cnode_radix();
        const unsigned guard_bits = node.cnode_guard_size();
        const unsigned level_bits = radix + guard_bits;
        if (level_bits == 0) {
            return LookupFault::depth_mismatch(n_bits, 0); // unreachable: radix >= 1
        }
        const uint64_t guard =
            (cptr.value >> ((n_bits - guard_bits) & 63u)) & lib::mask(guard_bits);
        if (guard_bits > n_bits || guard != node.cnode_guard()) {
            return LookupFault::guard_mismatch(n_bits, node.cnode_guard(), guard_bits);
        }
        if (level_bits > n_bits) {
            return LookupFault::depth_mismatch(n_bits, level_bits);
        }
        const uint64_t index = (cptr.value >> (n_bits - level_bits)) & lib::mask(radix);
        Slot* slot = cnode_slot(node, SlotIndex{index});
        n_bits -= level_bits;
        if (n_bits == 0 || slot->cap.type() != CapType::CNode) {
            out.slot = slot;
            out.bits_remaining = n_bits;
            return {};
        }
        node = slot->cap;
    }
}

Status lookup_slot_for_cnode_op(bool is_source, const Cap& root, CPtr index, uint64_t depth,
                                Slot*& out) {
    if (root.type() != CapType::CNode) {
        return Status::failed_lookup(is_source, LookupFault::invalid_root());
    }
    if (depth < 1 || depth > RAMPART_WORD_BITS) {
        return Status::range_error(1, RAMPART_WORD_BITS);
    }
    Resolved r;
    const LookupFault fault = resolve_address_bits(root, index, static_cast<unsigned>(depth), r);
    if (fault.kind != LookupFailure::None) {
        return Status::failed_lookup(is_source, fault);
    }
    if (r.bits_remaining != 0) {
        return Status::failed_lookup(is_source, LookupFault::depth_mismatch(r.bits_remaining, 0));
    }
    out = r.slot;
    return Status::ok();
}

LookupFault lookup_slot(const Cap& root, CPtr cptr, Slot*& out) {
    Resolved r;
    const LookupFault fault = resolve_address_bits(root, cptr, RAMPART_WORD_BITS, r);
    if (fault.kind == LookupFailure::None) {
        out = r.slot;
    }
    return fault;
}

} // namespace rampart::kernel
