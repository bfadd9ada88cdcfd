// The invariant checker's run, and the capability core's part (see invariants.hpp).
#include "kernel/invariants.hpp"

#include <rampart/objects.h>

#include "kernel/mdb.hpp"
#include "kernel/phys.hpp"
#include "object/tcb.hpp"

namespace rampart::kernel {

InvariantCheck::InvariantCheck(uint64_t nonce, uint64_t max_caps, InterruptProbe probe)
    : nonce_(nonce == 0 ? 1 : nonce), max_caps_(max_caps), probe_(probe) {}

bool InvariantCheck::fail(const char* what, const void* where, const void* other) {
    if (report_.ok) {
        report_.ok = false;
        report_.what = what;
        report_.where = where;
        report_.other = other;
    }
    return false;
}

bool InvariantCheck::interrupt_pending() {
    if (!probe_ || !probe_())
        return false;
    stop_incomplete("an interrupt is pending");
    return true;
}

void InvariantCheck::stop_incomplete(const char* why) {
    if (!report_.incomplete)
        report_.incomplete = why;
}

uint64_t InvariantCheck::mark(const void* object, CheckMark kind) const {
    const uint64_t a = reinterpret_cast<uintptr_t>(object);
    return (nonce_ ^ (a * 0x9e3779b97f4a7c15ull)) +
           static_cast<uint64_t>(kind) * 0xc2b2ae3d27d4eb4full;
}

void InvariantCheck::saw_irq_handler(uint64_t irq) {
    if (irq < irq_limit)
        irq_handlers_[irq / 64] |= lib::bit(irq % 64);
}

bool InvariantCheck::irq_handler_seen(uint64_t irq) const {
    return irq < irq_limit && (irq_handlers_[irq / 64] & lib::bit(irq % 64)) != 0;
}

namespace {

uint64_t region_end(const Cap& cap) {
    return cap.paddr().value + cap_region_bytes(cap);
}

const char* check_cap(const Cap& cap) {
    if (is_physical(cap)) {
        const uint64_t bytes = cap_region_bytes(cap);
        if (!lib::is_pow2(bytes) || (cap.paddr().value & (bytes - 1)) != 0)
            return "object not naturally aligned";
    }
    switch (cap.type()) {
    case CapType::Untyped: {
        const unsigned bits = cap.untyped_size().bits;
        if (bits < RAMPART_MIN_UNTYPED_BITS || bits > RAMPART_MAX_UNTYPED_BITS)
            return "untyped size out of range";
        if (cap.untyped_free_index() > cap.untyped_size().bytes())
            return "untyped watermark past its end";
        if (cap.untyped_clear_index() > cap.untyped_size().bytes())
            return "untyped clear mark past its end";
        return nullptr;
    }
    case CapType::CNode:
        if (cap.cnode_radix() < RAMPART_CNODE_MIN_RADIX ||
            cap.cnode_radix() + cap.cnode_guard_size() > RAMPART_WORD_BITS)
            return "CNode radix and guard do not fit a word";
        if ((cap.cnode_guard() & ~lib::mask(cap.cnode_guard_size())) != 0)
            return "CNode guard wider than its size";
        return nullptr;
    case CapType::Zombie:
        if (cap.zombie_remaining() > (cap_region_bytes(cap) >> RAMPART_SLOT_BITS))
            return "zombie count beyond its slots";
        return nullptr;
    default:
        return nullptr;
    }
}

// A badged copy comes right after a cap of its badge: the first cap of a
// badge is minted, and its copies are inserted after it (and deleting the
// first passes the mark on to the next).
const char* check_badge(const Slot& slot) {
    const CapType t = slot.cap.type();
    if ((t != CapType::Endpoint && t != CapType::Notification) || slot.cap.badge() == 0 ||
        slot.first_badged())
        return nullptr;
    const Slot* p = slot.prev();
    if (p && same_object_as(p->cap, slot.cap) && p->cap.badge() == slot.cap.badge())
        return nullptr;
    return "badged copy without the first cap of its badge before it";
}

bool linked(const Slot& s) {
    return s.prev() != nullptr && s.prev()->next() == &s;
}

// Slots read per unit of work: most are empty, and an empty slot is one load.
constexpr uint64_t slots_per_unit = 16;

// The slots inside the object of a CNode or TCB cap (the first of its run)
// or a zombie: every cap there hangs in the list, and a CNode zombie's
// cleared slots stay empty (but for the zombie itself when it sits in its
// object). Counts the caps found, so that the caller can tell whether every
// cap of the list sits in a live object.
bool check_contents(InvariantCheck& check, const Slot& holder, uint64_t& held) {
    const Cap& cap = holder.cap;
    uint64_t live = 0;
    uint64_t slots = 0;
    if (cap.type() == CapType::CNode || cap.type() == CapType::Tcb) {
        if (holder.prev() != nullptr && same_object_as(holder.prev()->cap, cap))
            return true; // checked with the first cap of the object
        live = slots = cap.type() == CapType::CNode ? lib::bit(cap.cnode_radix())
                                                    : static_cast<uint64_t>(TcbSlot::Count);
    } else if (cap.type() == CapType::Zombie) {
        live = cap.zombie_remaining();
        slots = cap.zombie_is_tcb() ? live : lib::bit(cap.zombie_radix());
    } else {
        return true;
    }
    const Slot* base = phys_ptr<const Slot>(cap.paddr());
    for (uint64_t chunk = 0; chunk < slots; chunk += slots_per_unit) {
        if (!check.step())
            return false;
        const Slot* const end = base + lib::min(chunk + slots_per_unit, slots);
        for (const Slot* x = base + chunk;; ++x) {
            while (x != end && x->cap.is_null())
                ++x;
            if (x == end)
                break;
            if (x >= base + live && x != &holder)
                return check.fail("a zombie's cleared slot holds a cap", &holder, x);
            if (!linked(*x))
                return check.fail("a cap inside a CNode is not in the derivation list", &holder,
                                  x);
            ++held;
        }
    }
    return true;
}

// The walk down the tree: the chain of ancestors of the current cap. Static:
// a run is not reentrant, and the kernel stack is small.
constexpr unsigned max_levels = 128;

struct Level {
    const Slot* node;          // nullptr for the roots' virtual parent
    const Slot* last_physical; // its latest physical child so far
};

class TreeWalk {
  public:
    bool visit(InvariantCheck& check, const Slot& s);

  private:
    bool check_order(InvariantCheck& check, const Slot& s, Level& here);
    bool check_unique(InvariantCheck& check, const Slot& s);

    unsigned depth_ = 0;
    uint64_t seen_singletons_ = 0; // IRQControl, Domain, ASIDControl, SchedControl per core
};

Level levels[max_levels + 1];

bool TreeWalk::check_order(InvariantCheck& check, const Slot& s, Level& here) {
    const Cap& cap = s.cap;
    const uint64_t end = region_end(cap);
    if (here.node && here.node->cap.type() == CapType::Untyped &&
        end > here.node->cap.paddr().value + here.node->cap.untyped_free_index())
        return check.fail("object above its untyped's watermark", &s, here.node);
    const Slot* last = here.last_physical;
    here.last_physical = &s;
    if (!last || same_object_as(last->cap, cap) || end <= last->cap.paddr().value)
        return true;
    const bool overlap = cap.paddr().value < region_end(last->cap);
    if (overlap && (cap.type() == CapType::Untyped || last->cap.type() == CapType::Untyped))
        return check.fail("memory inside an untyped is not its descendant", &s, last);
    if (overlap)
        return check.fail("two live objects overlap", &s, last);
    return check.fail("caps to one object are not adjacent, or siblings out of address order", &s,
                      last);
}

// Caps to one non-physical object are adjacent too: each such object starts one run.
bool TreeWalk::check_unique(InvariantCheck& check, const Slot& s) {
    const Cap& cap = s.cap;
    const Slot* prev = s.prev();
    if (prev && same_object_as(prev->cap, cap))
        return true;
    if (cap.type() == CapType::IrqHandler) {
        if (check.irq_handler_seen(cap.irq()))
            return check.fail("caps to one object are not adjacent", &s);
        check.saw_irq_handler(cap.irq());
        return true;
    }
    unsigned flag = 64;
    switch (cap.type()) {
    case CapType::IrqControl:
        flag = 0;
        break;
    case CapType::Domain:
        flag = 1;
        break;
    case CapType::AsidControl:
        flag = 2;
        break;
    case CapType::SchedControl:
        flag = cap.sched_control_core() < 61 ? 3 + static_cast<unsigned>(cap.sched_control_core())
                                             : 64;
        break;
    default:
        break;
    }
    if (flag == 64)
        return true;
    if (seen_singletons_ & lib::bit(flag))
        return check.fail("caps to one object are not adjacent", &s);
    seen_singletons_ |= lib::bit(flag);
    return true;
}

bool TreeWalk::visit(InvariantCheck& check, const Slot& s) {
    while (depth_ > 0 && !is_parent_of(*levels[depth_].node, s))
        --depth_;
    if (depth_ > 1 && !is_parent_of(*levels[depth_ - 1].node, s))
        return check.fail("a cap descends from its parent but not from its grandparent", &s,
                          levels[depth_].node);
    Level& here = levels[depth_];
    if (is_physical(s.cap) ? !check_order(check, s, here) : !check_unique(check, s))
        return false;
    if (!s.revocable())
        return true; // only a revocable cap has children other than copies of it
    if (depth_ == max_levels) {
        check.stop_incomplete("the derivation tree is deeper than the checker follows");
        return false;
    }
    levels[++depth_] = Level{&s, nullptr};
    return true;
}

} // namespace

bool check_capabilities(InvariantCheck& check, uint64_t kernel_held) {
    const Slot& head = mdb_sentinel();
    if (!head.cap.is_null() || head.prev() != nullptr)
        return check.fail("derivation list head corrupted", &head);
    levels[0] = Level{nullptr, nullptr};
    TreeWalk walk;
    uint64_t count = 0;
    for (const Slot* s = head.next(); s != nullptr; s = s->next()) {
        if (!check.step())
            return false;
        if (++count > check.max_caps())
            return check.fail("derivation list longer than the limit (cyclic?)", s);
        if (s->prev() == nullptr || s->prev()->next() != s)
            return check.fail("derivation list links disagree", s, s->prev());
        if (s->cap.is_null())
            return check.fail("empty slot in the derivation list", s);
        if (const char* what = check_cap(s->cap))
            return check.fail(what, s);
        if (const char* what = check_badge(*s))
            return check.fail(what, s);
        if (!walk.visit(check, *s))
            return false;
    }
    check.report().caps = count;
    uint64_t held = kernel_held;
    for (const Slot* s = head.next(); s != nullptr; s = s->next())
        if (!check.step() || !check_contents(check, *s, held))
            return false;
    if (held != count)
        return check.fail("a cap in the list lies outside every live CNode, TCB and kernel slot",
                          nullptr);
    return true;
}

bool for_each_object(InvariantCheck& check, uint64_t types,
                     void (*visit)(InvariantCheck&, const Cap&, void*), void* ctx) {
    types &= ~type_bit(CapType::Zombie);
    const Slot* prev = nullptr;
    for (const Slot* s = mdb_sentinel().next(); s != nullptr; prev = s, s = s->next()) {
        if (!check.step())
            return false;
        if ((types & type_bit(s->cap.type())) == 0 || (prev && same_object_as(prev->cap, s->cap)))
            continue;
        visit(check, s->cap, ctx);
        if (check.stopped())
            return false;
    }
    return true;
}

InvariantReport check_invariants(uint64_t max_caps) {
    InvariantCheck check{1, max_caps};
    check_capabilities(check, 0);
    return check.report();
}

} // namespace rampart::kernel
