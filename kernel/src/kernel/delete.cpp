// Deletion and revocation, preemptible and restartable.
//
// Deleting the last cap to a CNode or TCB turns the cap into a zombie that
// stays in the slot (and in the derivation tree, so the memory stays owned)
// while the object's own slots are emptied from the last one down. A slot of
// the zombie may itself hold a CNode or TCB cap that becomes a zombie: the
// deletion then goes one level deeper. Each step does a bounded piece of
// work however deep the nesting (issue #11, finding 7: each step used to walk
// the whole chain of zombies), because the slot being deleted holds the
// zombie being worked on (the innermost), and each outer zombie waits parked
// in the first slot of the object one level in, which is cleared last:
//
//  * push: the last live slot of the zombie in the slot being deleted holds
//    another object's zombie Z2: Z2 moves up into the slot being deleted,
//    the outer zombie into Z2's first slot, and what that slot held into the
//    outer object's last live slot (cleared later);
//  * pop: the zombie in the slot being deleted is down to its first slot,
//    which holds a zombie (the outer one parked there, or one that was there
//    before): that zombie moves up, and the inner object, now empty, goes.
//
// A slot lies in one object, and an object has one zombie. When the slot
// being deleted lies in the object of its own zombie (that zombie skips it),
// the zombie must stay there, or the object could go with the slot still in
// use: the nesting below its last live slot is then taken apart with that
// slot as the slot being deleted. When the slot being deleted lies in the
// object of a zombie about to be pushed (the chain came back to it), the two
// zombies swap places: the pushed one skips the slot, and the outer object,
// no longer reachable, waits inside itself for its untyped's revoke (as a
// CNode holding the only cap to itself does).
//
// A step examines at most four slots (delete_slots_examined): the slot
// deleted, the last live slot of its zombie, and one level down the same
// or, for a push, the first slot of the zombie pushed.
#include "kernel/delete.hpp"

#include "arch/vspace.hpp"
#include "kernel/mdb.hpp"
#include "kernel/phys.hpp"
#include "lib/bits.hpp"
#include "object/tcb.hpp"
#include "thread/current.hpp"

namespace rampart::kernel {

uint64_t delete_slots_examined;

namespace {

Slot* zombie_slot(const Cap& zombie, uint64_t index) {
    return phys_ptr<Slot>(zombie.paddr()) + index;
}

// `s` lies inside the object of `zombie` (in any of its slots, cleared or not).
bool inside(const Cap& zombie, const Slot& s) {
    const uint64_t slots = zombie.zombie_is_tcb() ? static_cast<uint64_t>(TcbSlot::Count)
                                                  : lib::bit(zombie.zombie_radix());
    const Slot* first = zombie_slot(zombie, 0);
    return &s >= first && &s < first + slots;
}

// Finalises the cap in `s` (not a zombie): empties the slot, or leaves the
// object's zombie there.
void finalise_slot(Slot& s) {
    const Cap rest = finalise_cap(s.cap, is_final(s));
    if (rest.is_null()) {
        mdb_remove(s);
        // The running thread's VSpace cap went (a copy revoked or deleted, the
        // VSpace itself may live on): it runs in no address space from now on,
        // as a thread without one (kernel fuzzer, seed 5007).
        if (thread::Tcb* t = thread::current(); t && &s == &t->slot(TcbSlot::VSpace))
            arch::vspace_activate_for(s.cap);
    } else {
        s.cap = rest;
    }
}

// One step on a slot `w` that holds the zombie of an object `w` does not lie
// in (`top`, or one level below it; see delete_step).
void zombie_step(Slot& w) {
    const Cap zombie = w.cap;
    const uint64_t remaining = zombie.zombie_remaining();
    if (remaining == 0) {
        mdb_remove(w); // the object is dead: no slot of it holds a cap
        return;
    }
    Slot& last = *zombie_slot(zombie, remaining - 1);
    ++delete_slots_examined;
    if (last.cap.is_null()) {
        w.cap = zombie.with_zombie_remaining(remaining - 1);
        return;
    }
    const Cap found = last.cap;
    if (found.type() != CapType::Zombie) {
        finalise_slot(last); // a zombie left there is pushed by the next step
        return;
    }
    if (found.zombie_remaining() == 0) {
        mdb_remove(last); // a dead object's zombie: the object goes
        return;
    }
    if (remaining == 1) {
        // Pop: the zombie found goes on in `w`; ours, alone in its object, goes.
        mdb_swap(zombie, w, found, last);
        mdb_remove(last);
        return;
    }
    if (inside(found, w)) {
        // Back at the object `w` lies in: ours waits inside its own object.
        mdb_swap(zombie, w, found, last);
        return;
    }
    // Push: the found zombie to `w`, ours parked in the found object's first slot.
    Slot& park = *zombie_slot(found, 0);
    ++delete_slots_examined;
    mdb_swap(zombie, w, found, last);
    mdb_swap(zombie, last, park.cap, park);
}

// One bounded unit of work towards emptying `top`, which is not empty.
void delete_step(Slot& top) {
    ++delete_slots_examined;
    const Cap zombie = top.cap;
    if (zombie.type() != CapType::Zombie) {
        finalise_slot(top);
        return;
    }
    if (!inside(zombie, top)) {
        zombie_step(top);
        return;
    }
    // `top` lies in the object being cleared (its zombie skips it): the
    // zombie stays, so that the object does, and the nesting below its last
    // live slot is taken apart from there.
    const uint64_t remaining = zombie.zombie_remaining();
    if (remaining == 0) {
        mdb_remove(top);
        return;
    }
    Slot& last = *zombie_slot(zombie, remaining - 1);
    ++delete_slots_examined;
    if (&last == &top || last.cap.is_null()) {
        top.cap = zombie.with_zombie_remaining(remaining - 1);
    } else if (last.cap.type() != CapType::Zombie) {
        finalise_slot(last);
    } else {
        zombie_step(last);
    }
}

} // namespace

Status cte_delete(Slot& slot, Budget& budget) {
    while (!slot.cap.is_null()) {
        if (!budget.take()) {
            return Status::preempted();
        }
        delete_step(slot);
    }
    return Status::ok();
}

Status cte_revoke(Slot& slot, Budget& budget) {
    for (;;) {
        Slot* next = slot.next();
        if (next == nullptr || slot.cap.is_null() || !is_parent_of(slot, *next)) {
            return Status::ok();
        }
        if (Status s = cte_delete(*next, budget); !s.is_ok()) {
            return s;
        }
    }
}

} // namespace rampart::kernel
