// Untyped Retype and reset (seL4 decodeUntypedInvocation / resetUntypedCap).
#include "object/untyped.hpp"

#include <rampart/objects.h>
#include <rampart/untyped_rule.hpp>

#include "kernel/cspace.hpp"
#include "kernel/mdb.hpp"
#include "kernel/phys.hpp"
#include "object/objects.hpp"

#include <arch/object_hooks.hpp>

namespace rampart::kernel {

namespace {

namespace rule = untyped_rule;

rule::State state_of(const Cap& cap) {
    return rule::State{cap.untyped_free_index(), cap.untyped_clear_index()};
}

// Clears from the watermark down to 0, one chunk per budget unit, recording
// progress in the cap so that a preempted reset resumes where it stopped.
// The clear mark takes in what was below the watermark at the start (the
// bytes from the watermark to it are zero by then or the range is empty).
Status reset_untyped(Slot& slot, Budget& budget) {
    const Cap cap = slot.cap.with_clear_index(
        rule::after_reset(slot.cap.untyped_size().bits, state_of(slot.cap)).clear_mark);
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
        arch_clear_memory(cap.paddr() + start, index - start);
        index = start;
    }
    slot.cap = cap.with_free_index(0);
    return Status::ok();
}

// Clears [from, to) upwards, one budget unit per chunk, as many chunks at a
// time as the budget allows, moving the clear mark with it so that a
// preempted Retype resumes where it stopped. The mark moves in clear units: a
// unit larger than the budget left (untypeds above 2^35 bytes) is still
// cleared whole when any budget is left, so that it progresses.
Status clear_up_to(Slot& slot, uint64_t from, uint64_t to, Budget& budget) {
    const unsigned unit_bits = rule::clear_unit_bits(slot.cap.untyped_size().bits);
    const Paddr base = slot.cap.paddr();
    while (from < to) {
        if (budget.units() == 0) {
            return Status::preempted();
        }
        const uint64_t chunks = lib::min(budget.units(), (to - from) >> untyped_reset_chunk_bits);
        const uint64_t end =
            lib::min(to, lib::max(lib::align_down(from + (chunks << untyped_reset_chunk_bits),
                                                  unit_bits),
                                  lib::align_down(from, unit_bits) + lib::bit(unit_bits)));
        arch_clear_memory(base + from, end - from);
        budget.spend(lib::align_up(end - from, untyped_reset_chunk_bits) >>
                     untyped_reset_chunk_bits);
        from = end;
        slot.cap = slot.cap.with_clear_index(end);
    }
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
    // As seL4, for every type: no size beyond the largest untyped (a ~0 size
    // of a fixed-size object is refused too).
    if (size_bits > RAMPART_MAX_UNTYPED_BITS) {
        return Status::range_error(0, RAMPART_MAX_UNTYPED_BITS);
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
    const rule::Retype r =
        rule::retype(ut.untyped_size().bits, state_of(untyped_slot.cap), object_bits, dest.count,
                     !device && type != RAMPART_OBJ_UNTYPED);
    if (Status s = clear_up_to(untyped_slot, r.clear_from, r.clear_to, budget); !s.is_ok()) {
        return s;
    }
    untyped_slot.cap = untyped_slot.cap.with_free_index(r.after.watermark);
    const Paddr base = ut.paddr();
    const uint64_t object_bytes = lib::bit(object_bits);
    for (uint64_t i = 0; i < dest.count; ++i) {
        const Cap cap = create_object(type, base + (r.first + i * object_bytes),
                                      static_cast<unsigned>(size_bits), device);
        mdb_insert_new(cap, untyped_slot, window[i]);
    }
    return Status::ok();
}

Cap boot_untyped_cap(Paddr base, SizeBits size, bool device) {
    return Cap::untyped(base, size, device, 0, 0);
}

} // namespace rampart::kernel
