// Derivation tree relations and list operations, after seL4's cteInsert /
// cteMove / cteSwap / emptySlot and the sameRegionAs family.
#include "kernel/mdb.hpp"

#include <rampart/objects.h>

namespace rampart::kernel {

namespace {

constinit Slot sentinel{};

} // namespace

Slot& mdb_sentinel() {
    return sentinel;
}

void mdb_reset() {
    sentinel.cap = Cap::null();
    sentinel.clear_links();
}

bool is_physical(const Cap& cap) {
    switch (cap.type()) {
    case CapType::Untyped:
    case CapType::Endpoint:
    case CapType::Notification:
    case CapType::Reply:
    case CapType::CNode:
    case CapType::Tcb:
    case CapType::SchedContext:
    case CapType::AsidPool:
    case CapType::Frame:
    case CapType::PageTable:
    case CapType::VSpace:
    case CapType::Zombie:
        return true;
    default:
        return false;
    }
}

Paddr cap_region_base(const Cap& cap) {
    return cap.paddr();
}

uint64_t cap_region_bytes(const Cap& cap) {
    switch (cap.type()) {
    case CapType::Untyped:
        return cap.untyped_size().bytes();
    case CapType::Endpoint:
        return lib::bit(RAMPART_ENDPOINT_BITS);
    case CapType::Notification:
        return lib::bit(RAMPART_NOTIFICATION_BITS);
    case CapType::Reply:
        return lib::bit(RAMPART_REPLY_BITS);
    case CapType::CNode:
        return lib::bit(cap.cnode_radix() + RAMPART_SLOT_BITS);
    case CapType::Tcb:
        return lib::bit(RAMPART_TCB_BITS);
    case CapType::SchedContext:
        return cap.sched_context_size().bytes();
    case CapType::AsidPool:
        return lib::bit(RAMPART_ASID_POOL_BITS);
    case CapType::Frame:
        return lib::bit(frame_size_bits(cap.frame_size()));
    case CapType::PageTable:
        return lib::bit(RAMPART_PAGE_TABLE_BITS);
    case CapType::VSpace:
        return lib::bit(RAMPART_VSPACE_BITS);
    case CapType::Zombie:
        return cap.zombie_is_tcb() ? lib::bit(RAMPART_TCB_BITS)
                                   : lib::bit(cap.zombie_radix() + RAMPART_SLOT_BITS);
    default:
        return 0;
    }
}

namespace {

// [base, last] of a physical cap; last avoids overflow at the top of memory.
bool region_contains(const Cap& outer, const Cap& inner) {
    const uint64_t a_base = outer.paddr().value;
    const uint64_t a_last = a_base + cap_region_bytes(outer) - 1;
    const uint64_t b_base = inner.paddr().value;
    const uint64_t b_last = b_base + cap_region_bytes(inner) - 1;
    return a_base <= b_base && b_last <= a_last && b_base <= b_last;
}

} // namespace

bool same_region_as(const Cap& a, const Cap& b) {
    switch (a.type()) {
    case CapType::Untyped:
        return is_physical(b) && region_contains(a, b);
    case CapType::Frame:
        return b.type() == CapType::Frame && region_contains(a, b);
    case CapType::Endpoint:
    case CapType::Notification:
    case CapType::Reply:
    case CapType::Tcb:
    case CapType::SchedContext:
    case CapType::AsidPool:
    case CapType::PageTable:
    case CapType::VSpace:
        return b.type() == a.type() && b.paddr() == a.paddr();
    case CapType::CNode:
        return b.type() == CapType::CNode && b.paddr() == a.paddr() &&
               b.cnode_radix() == a.cnode_radix();
    case CapType::IrqControl:
        return b.type() == CapType::IrqControl || b.type() == CapType::IrqHandler;
    case CapType::IrqHandler:
        return b.type() == CapType::IrqHandler && b.irq() == a.irq();
    case CapType::Domain:
    case CapType::AsidControl:
        return b.type() == a.type();
    case CapType::SchedControl:
        return b.type() == CapType::SchedControl &&
               b.sched_control_core() == a.sched_control_core();
    default:
        return false;
    }
}

bool same_object_as(const Cap& a, const Cap& b) {
    if (a.type() == CapType::Untyped) {
        return false; // every untyped cap is final: its children keep the memory
    }
    if (a.type() == CapType::IrqControl && b.type() == CapType::IrqHandler) {
        return false;
    }
    if (a.type() == CapType::Frame && b.type() == CapType::Frame) {
        return a.paddr() == b.paddr() && a.frame_size() == b.frame_size() &&
               a.frame_is_device() == b.frame_is_device();
    }
    return same_region_as(a, b);
}

bool is_cap_revocable(const Cap& new_cap, const Cap& src) {
    switch (new_cap.type()) {
    case CapType::Endpoint:
    case CapType::Notification:
        return new_cap.badge() != src.badge();
    case CapType::IrqHandler:
        return src.type() == CapType::IrqControl;
    case CapType::Untyped:
        return true;
    default:
        return false;
    }
}

bool is_parent_of(const Slot& parent, const Slot& child) {
    if (!parent.revocable() || !same_region_as(parent.cap, child.cap)) {
        return false;
    }
    switch (parent.cap.type()) {
    case CapType::Endpoint:
    case CapType::Notification: {
        const uint64_t badge = parent.cap.badge();
        return badge == 0 || (badge == child.cap.badge() && !child.first_badged());
    }
    default:
        return true;
    }
}

bool has_children(const Slot& slot) {
    const Slot* next = slot.next();
    return next != nullptr && is_parent_of(slot, *next);
}

bool is_final(const Slot& slot) {
    const Slot* prev = slot.prev();
    if (prev != nullptr && same_object_as(prev->cap, slot.cap)) {
        return false;
    }
    const Slot* next = slot.next();
    return next == nullptr || !same_object_as(slot.cap, next->cap);
}

namespace {

void link_after(Slot& anchor, Slot& dest) {
    Slot* next = anchor.next();
    dest.set_prev(&anchor);
    dest.set_next(next);
    if (next != nullptr) {
        next->set_prev(&dest);
    }
    anchor.set_next(&dest);
}

} // namespace

void mdb_insert(const Cap& new_cap, Slot& src, Slot& dest) {
    const bool revocable = is_cap_revocable(new_cap, src.cap);
    // A full copy of an untyped takes over its free space: the original is
    // marked full so that the two never hand out the same memory.
    if (src.cap.type() == CapType::Untyped && new_cap.type() == CapType::Untyped &&
        src.cap.paddr() == new_cap.paddr() && src.cap.untyped_size() == new_cap.untyped_size()) {
        src.cap = src.cap.with_free_index(src.cap.untyped_size().bytes());
    }
    dest.cap = new_cap;
    dest.clear_links();
    link_after(src, dest);
    dest.set_marks(revocable, revocable);
}

void mdb_insert_root(const Cap& new_cap, Slot& dest) {
    mdb_insert_root_after(new_cap, dest, sentinel);
}

void mdb_insert_root_after(const Cap& new_cap, Slot& dest, Slot& start) {
    // The physical roots stay in descending address order, as the caps under
    // any parent do (kernel/invariants.hpp): the new one goes before the
    // first root below it. Boot only, where roots have few descendants.
    Slot* anchor = &start;
    Slot* first = start.next();
    while (first != nullptr && &start != &sentinel && is_parent_of(start, *first)) {
        anchor = first;
        first = first->next();
    }
    for (Slot* root = first; root != nullptr && is_physical(new_cap);) {
        if (is_physical(root->cap) && root->cap.paddr() < new_cap.paddr()) {
            break;
        }
        anchor = root;
        Slot* next = root->next();
        while (next != nullptr && is_parent_of(*root, *next)) {
            anchor = next;
            next = next->next();
        }
        root = next;
    }
    dest.cap = new_cap;
    dest.clear_links();
    link_after(*anchor, dest);
    dest.set_marks(true, true);
}

void mdb_insert_new(const Cap& new_cap, Slot& parent, Slot& dest) {
    dest.cap = new_cap;
    dest.clear_links();
    link_after(parent, dest);
    dest.set_marks(true, true);
}

void mdb_move(const Cap& new_cap, Slot& src, Slot& dest) {
    dest.cap = new_cap;
    dest.copy_links_from(src);
    src.cap = Cap::null();
    src.clear_links();
    if (Slot* prev = dest.prev(); prev != nullptr) {
        prev->set_next(&dest);
    }
    if (Slot* next = dest.next(); next != nullptr) {
        next->set_prev(&dest);
    }
}

void mdb_swap(Cap cap1, Slot& slot1, Cap cap2, Slot& slot2) {
    // The order of the updates makes adjacent slots come out right.
    slot1.cap = cap2;
    slot2.cap = cap1;
    Slot links1;
    links1.copy_links_from(slot1);
    if (Slot* prev = links1.prev(); prev != nullptr) {
        prev->set_next(&slot2);
    }
    if (Slot* next = links1.next(); next != nullptr) {
        next->set_prev(&slot2);
    }
    Slot links2;
    links2.copy_links_from(slot2);
    slot1.copy_links_from(links2);
    slot2.copy_links_from(links1);
    if (Slot* prev = links2.prev(); prev != nullptr) {
        prev->set_next(&slot1);
    }
    if (Slot* next = links2.next(); next != nullptr) {
        next->set_prev(&slot1);
    }
}

void mdb_remove(Slot& slot) {
    if (slot.cap.is_null()) {
        return;
    }
    Slot* prev = slot.prev();
    Slot* next = slot.next();
    if (prev != nullptr) {
        prev->set_next(next);
    }
    if (next != nullptr) {
        next->set_prev(prev);
        next->set_marks(next->revocable(), next->first_badged() || slot.first_badged());
    }
    slot.cap = Cap::null();
    slot.clear_links();
}

} // namespace rampart::kernel
