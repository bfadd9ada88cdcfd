// Untyped Retype and reset (seL4 decodeUntypedInvocation / resetUntypedCap).
#include "object/untyped.hpp"

#include <rampart/objects.h>

#include "kernel/cspace.hpp"
#include "kernel/mdb.hpp"
#include "kernel/phys.hpp"
#include "lib/memory.hpp"
#include "object/objects.hpp"

namespace rampart::kernel {

namespace {

// Clears from the watermark down to 0, one chunk per budget unit, recording
// progress in the cap so that a preempted reset resumes where it stopped.
Status reset_untyped(Slot& slot, Budget& budget) {
    const Cap cap = slot.cap;
    if (cap.untyped_is_device() || cap.untyped_free_index() == 0) {
        slot.cap = cap.with_free_index(0);
        return Status::ok();
    }
    const unsigned chunk_bits = lib::min(untyped_reset_chunk_bits, cap.untyped_size().bits);
    uint64_t index = cap.untyped_free_index();
    while (index > 0) {
        if (!budget.take()) {
            slot.cap = cap.with_free_index(index);
            return Status::preempted();
        }
        const uint64_t start = lib::align_down(index - 1, chunk_bits);
        lib::zero_words(phys_ptr<void>(cap.paddr() + start), index - start);
        index = start;
    }
    slot.cap = cap.with_free_index(0);
    return Status::ok();
}

Status lookup_dest_cnode(const RetypeDest& dest, Cap& node) {
    if (dest.node_depth == 0) {
        node = dest.root;
    } else {
        Slot* slot = nullptr;
        if (Status s =
                lookup_slot_for_cnode_op(false, dest.root, dest.node_index, dest.node_depth, slot);
            !s.is_ok()) {
            return s;
        }
        node = slot->cap;
    }
    if (node.type() != CapType::CNode) {
        return Status::failed_lookup(false, LookupFault::missing_capability(dest.node_depth));
    }
    return Status::ok();
}

} // namespace

Status untyped_retype(Slot& untyped_slot, uint64_t type, uint64_t size_bits, const RetypeDest& dest,
                      Budget& budget) {
    if (untyped_slot.cap.type() != CapType::Untyped) {
        return Status::invalid_capability(0);
    }
    if (type >= RAMPART_OBJ_TYPE_COUNT) {
        return Status::invalid_argument(0);
    }
    unsigned object_bits = 0;
    if (Status s = object_size_bits(type, size_bits, object_bits); !s.is_ok()) {
        return s;
    }

    Cap node;
    if (Status s = lookup_dest_cnode(dest, node); !s.is_ok()) {
        return s;
    }
    const uint64_t node_slots = lib::bit(node.cnode_radix());
    if (dest.count < 1 || dest.count > RAMPART_RETYPE_FAN_OUT_LIMIT) {
        return Status::range_error(1, RAMPART_RETYPE_FAN_OUT_LIMIT);
    }
    if (dest.node_offset > node_slots - 1) {
        return Status::range_error(0, node_slots - 1);
    }
    if (dest.count > node_slots - dest.node_offset) {
        return Status::range_error(1, node_slots - dest.node_offset);
    }
    Slot* window = cnode_slot(node, SlotIndex{dest.node_offset});
    for (uint64_t i = 0; i < dest.count; ++i) {
        if (!window[i].cap.is_null()) {
            return Status::delete_first();
        }
    }

    const Cap ut = untyped_slot.cap;
    const bool reset = !has_children(untyped_slot);
    const uint64_t free_index = reset ? 0 : ut.untyped_free_index();
    const uint64_t free_bytes = ut.untyped_size().bytes() - free_index;
    if ((free_bytes >> object_bits) < dest.count) {
        return Status::not_enough_memory(free_bytes);
    }
    const bool device = ut.untyped_is_device();
    if (device && !is_frame_type(type) && type != RAMPART_OBJ_UNTYPED) {
        return Status::invalid_argument(1);
    }

    if (reset) {
        if (Status s = reset_untyped(untyped_slot, budget); !s.is_ok()) {
            return s;
        }
    }
    // The untyped and its window are aligned to its size, so the aligned
    // watermark plus count objects still ends inside it (checked above).
    const Paddr base = ut.paddr();
    const uint64_t first = lib::align_up(base.value + free_index, object_bits) - base.value;
    const uint64_t object_bytes = lib::bit(object_bits);
    untyped_slot.cap = untyped_slot.cap.with_free_index(first + dest.count * object_bytes);
    for (uint64_t i = 0; i < dest.count; ++i) {
        const Cap cap = create_object(type, base + (first + i * object_bytes),
                                      static_cast<unsigned>(size_bits), device);
        mdb_insert_new(cap, untyped_slot, window[i]);
    }
    return Status::ok();
}

Cap boot_untyped_cap(Paddr base, SizeBits size, bool device) {
    return Cap::untyped(base, size, device, device ? 0 : size.bytes());
}

} // namespace rampart::kernel
