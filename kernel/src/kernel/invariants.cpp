// The capability core's invariant checker (see invariants.hpp).
#include "kernel/invariants.hpp"

#include <rampart/objects.h>

#include "kernel/mdb.hpp"
#include "kernel/phys.hpp"

namespace rampart::kernel {

namespace {

InvariantReport fail(const char* what, const Slot* slot, const Slot* other = nullptr) {
    InvariantReport r;
    r.ok = false;
    r.what = what;
    r.slot = slot;
    r.other = other;
    return r;
}

const char* check_cap(const Cap& cap) {
    if (is_physical(cap)) {
        const uint64_t bytes = cap_region_bytes(cap);
        if (!lib::is_pow2(bytes) || (cap.paddr().value & (bytes - 1)) != 0) {
            return "object not naturally aligned";
        }
    }
    switch (cap.type()) {
    case CapType::Untyped: {
        const unsigned bits = cap.untyped_size().bits;
        if (bits < RAMPART_MIN_UNTYPED_BITS || bits > RAMPART_MAX_UNTYPED_BITS) {
            return "untyped size out of range";
        }
        if (cap.untyped_free_index() > cap.untyped_size().bytes()) {
            return "untyped watermark past its end";
        }
        if (cap.untyped_clear_index() > cap.untyped_size().bytes()) {
            return "untyped clear mark past its end";
        }
        return nullptr;
    }
    case CapType::CNode:
        if (cap.cnode_radix() < RAMPART_CNODE_MIN_RADIX ||
            cap.cnode_radix() + cap.cnode_guard_size() > RAMPART_WORD_BITS) {
            return "CNode radix and guard do not fit a word";
        }
        if ((cap.cnode_guard() & ~lib::mask(cap.cnode_guard_size())) != 0) {
            return "CNode guard wider than its size";
        }
        return nullptr;
    case CapType::Zombie: {
        const uint64_t slots = cap_region_bytes(cap) >> RAMPART_SLOT_BITS;
        if (cap.zombie_remaining() > slots) {
            return "zombie count beyond its slots";
        }
        return nullptr;
    }
    default:
        return nullptr;
    }
}

bool overlaps(const Cap& a, const Cap& b) {
    const uint64_t a_base = a.paddr().value;
    const uint64_t b_base = b.paddr().value;
    return a_base <= b_base + (cap_region_bytes(b) - 1) &&
           b_base <= a_base + (cap_region_bytes(a) - 1);
}

bool contains(const Cap& outer, const Cap& inner) {
    const uint64_t o = outer.paddr().value;
    const uint64_t i = inner.paddr().value;
    return o <= i && i + (cap_region_bytes(inner) - 1) <= o + (cap_region_bytes(outer) - 1);
}

bool below_watermark(const Cap& untyped, const Cap& inner) {
    return inner.paddr().value + cap_region_bytes(inner) <=
           untyped.paddr().value + untyped.untyped_free_index();
}

// Number of entries after `slot` that is_parent_of / same_object_as cover.
uint64_t run_length(const Slot& slot, bool same_object) {
    uint64_t n = 0;
    for (const Slot* x = slot.next(); x != nullptr; x = x->next(), ++n) {
        if (same_object ? !same_object_as(slot.cap, x->cap) : !is_parent_of(slot, *x)) {
            break;
        }
    }
    return n;
}

// Checks one pair, a before b in the list, b `distance` entries after a.
const char* check_pair(const Slot& a, const Slot& b, uint64_t distance, uint64_t a_descendants,
                       uint64_t a_same) {
    if (distance > a_same && same_object_as(a.cap, b.cap)) {
        return "caps to one object are not adjacent";
    }
    if (!is_physical(a.cap) || !is_physical(b.cap) || !overlaps(a.cap, b.cap)) {
        return nullptr;
    }
    const bool a_ut = a.cap.type() == CapType::Untyped;
    const bool b_ut = b.cap.type() == CapType::Untyped;
    if (!a_ut && !b_ut) {
        const bool same = a.cap.type() == b.cap.type() && a.cap.paddr() == b.cap.paddr() &&
                          cap_region_bytes(a.cap) == cap_region_bytes(b.cap);
        return same ? nullptr : "two live objects overlap";
    }
    if (!a_ut || !contains(a.cap, b.cap)) {
        return "memory inside an untyped is not its descendant";
    }
    if (distance > a_descendants) {
        return "object inside an untyped is not its descendant";
    }
    if (!below_watermark(a.cap, b.cap)) {
        return "object above its untyped's watermark";
    }
    return nullptr;
}

const char* check_badge(const Slot& slot) {
    const CapType t = slot.cap.type();
    if ((t != CapType::Endpoint && t != CapType::Notification) || slot.cap.badge() == 0 ||
        slot.first_badged()) {
        return nullptr;
    }
    for (const Slot* x = slot.prev(); x != nullptr && same_object_as(x->cap, slot.cap);
         x = x->prev()) {
        if (x->cap.badge() == slot.cap.badge() && x->first_badged()) {
            return nullptr;
        }
    }
    return "badged copy without the first cap of its badge before it";
}

bool linked(const Slot& s) {
    return s.prev() != nullptr && s.prev()->next() == &s;
}

// The slots inside the object of a CNode cap (the first of its run) or a
// zombie: every cap there hangs in the list, and a CNode zombie's cleared
// slots stay empty (but for the zombie itself when it sits in its object).
const char* check_contents(const Slot& holder, const Slot*& where) {
    const Cap& cap = holder.cap;
    uint64_t live = 0;
    uint64_t slots = 0;
    if (cap.type() == CapType::CNode) {
        if (holder.prev() != nullptr && same_object_as(holder.prev()->cap, cap)) {
            return nullptr; // checked with the first cap of the object
        }
        live = slots = lib::bit(cap.cnode_radix());
    } else if (cap.type() == CapType::Zombie) {
        live = cap.zombie_remaining();
        slots = cap.zombie_is_tcb() ? live : lib::bit(cap.zombie_radix());
    } else {
        return nullptr;
    }
    const Slot* base = phys_ptr<const Slot>(cap.paddr());
    for (uint64_t i = 0; i < slots; ++i) {
        const Slot& x = base[i];
        if (x.cap.is_null()) {
            continue;
        }
        where = &x;
        if (i >= live && &x != &holder) {
            return "a zombie's cleared slot holds a cap";
        }
        if (!linked(x)) {
            return "a cap inside a CNode is not in the derivation list";
        }
    }
    return nullptr;
}

} // namespace

InvariantReport check_invariants(uint64_t max_caps) {
    const Slot& head = mdb_sentinel();
    if (!head.cap.is_null() || head.prev() != nullptr) {
        return fail("derivation list head corrupted", &head);
    }
    uint64_t count = 0;
    for (const Slot* s = head.next(); s != nullptr; s = s->next()) {
        if (++count > max_caps) {
            return fail("derivation list longer than the limit (cyclic?)", s);
        }
        if (s->prev() == nullptr || s->prev()->next() != s) {
            return fail("derivation list links disagree", s, s->prev());
        }
        if (s->cap.is_null()) {
            return fail("empty slot in the derivation list", s);
        }
        if (const char* what = check_cap(s->cap)) {
            return fail(what, s);
        }
        if (const char* what = check_badge(*s)) {
            return fail(what, s);
        }
    }
    for (const Slot* s = head.next(); s != nullptr; s = s->next()) {
        const Slot* where = nullptr;
        if (const char* what = check_contents(*s, where)) {
            return fail(what, s, where);
        }
    }
    for (const Slot* a = head.next(); a != nullptr; a = a->next()) {
        const uint64_t descendants = run_length(*a, false);
        const uint64_t same = run_length(*a, true);
        uint64_t distance = 1;
        for (const Slot* b = a->next(); b != nullptr; b = b->next(), ++distance) {
            if (const char* what = check_pair(*a, *b, distance, descendants, same)) {
                return fail(what, a, b);
            }
        }
    }
    InvariantReport ok;
    ok.caps = count;
    return ok;
}

} // namespace rampart::kernel
