// Deletion and revocation, preemptible and restartable.
//
// Deleting the last cap to a CNode or TCB turns the cap into a zombie that
// stays in the slot (and in the derivation tree, so the memory stays owned)
// while the object's own slots are emptied from the last one down. A slot
// of the zombie may itself hold a CNode or TCB cap that becomes a zombie: a
// step then descends the chain of zombies from the slot being deleted to the
// first slot where one bounded piece of work can be done. Because a slot lies
// in one object and an object has one zombie, the chain can only come back to
// the starting slot (when that slot lies inside the object being destroyed);
// then the two zombies swap places, so the zombie sits inside its own object
// and skips its own slot. Every step does one of: empty a slot, turn a final
// cap into a zombie, count a zombie down, or that swap.
#include "kernel/delete.hpp"

#include "kernel/mdb.hpp"
#include "kernel/phys.hpp"

namespace rampart::kernel {

namespace {

Slot* zombie_slot(const Cap& zombie, uint64_t index) {
    return phys_ptr<Slot>(zombie.paddr()) + index;
}

// One bounded unit of work towards emptying `top`, which is not empty.
void delete_step(Slot& top) {
    Slot* cur = &top;
    for (;;) {
        const Cap cap = cur->cap;
        if (cap.type() != CapType::Zombie) {
            const Cap rest = finalise_cap(cap, is_final(*cur));
            if (rest.is_null()) {
                mdb_remove(*cur);
            } else {
                cur->cap = rest;
            }
            return;
        }
        const uint64_t remaining = cap.zombie_remaining();
        if (remaining == 0) {
            mdb_remove(*cur); // the object is dead: no slot of it holds a cap
            return;
        }
        Slot* last = zombie_slot(cap, remaining - 1);
        if (last == cur || last->cap.is_null()) {
            cur->cap = cap.with_zombie_remaining(remaining - 1);
            return;
        }
        if (last == &top) {
            mdb_swap(top.cap, top, cap, *cur);
            return;
        }
        cur = last;
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
