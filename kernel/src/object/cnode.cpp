// CNode invocations (seL4 decodeCNodeInvocation / invokeCNode*), with
// seL4's order of checks so the same mistake gives the same error.
#include "object/cnode.hpp"

#include "kernel/cap_ops.hpp"
#include "kernel/cspace.hpp"
#include "kernel/delete.hpp"
#include "kernel/mdb.hpp"

namespace rampart::kernel {

namespace {

Status lookup(bool is_source, const SlotAddr& addr, Slot*& out) {
    return lookup_slot_for_cnode_op(is_source, addr.root, addr.index, addr.depth, out);
}

Status missing_source(const SlotAddr& src) {
    return Status::failed_lookup(true, LookupFault::missing_capability(src.depth));
}

// Dest (must be empty) and src (must hold a cap) of Copy / Mint / Move / Mutate.
Status lookup_pair(const SlotAddr& dest, const SlotAddr& src, Slot*& dest_slot, Slot*& src_slot) {
    if (Status s = lookup(false, dest, dest_slot); !s.is_ok()) {
        return s;
    }
    if (!dest_slot->cap.is_null()) {
        return Status::delete_first();
    }
    if (Status s = lookup(true, src, src_slot); !s.is_ok()) {
        return s;
    }
    if (src_slot->cap.is_null()) {
        return missing_source(src);
    }
    return Status::ok();
}

Status insert_derived(Slot& src, Slot& dest, const Cap& new_cap) {
    Cap derived;
    if (Status s = derive_cap(src, new_cap, derived); !s.is_ok()) {
        return s;
    }
    if (derived.is_null()) {
        return Status::illegal_operation();
    }
    mdb_insert(derived, src, dest);
    return Status::ok();
}

} // namespace

Status cnode_copy(const SlotAddr& dest, const SlotAddr& src, Rights rights) {
    Slot* d = nullptr;
    Slot* s = nullptr;
    if (Status st = lookup_pair(dest, src, d, s); !st.is_ok()) {
        return st;
    }
    return insert_derived(*s, *d, mask_cap_rights(rights, s->cap));
}

Status cnode_mint(const SlotAddr& dest, const SlotAddr& src, Rights rights, uint64_t badge) {
    Slot* d = nullptr;
    Slot* s = nullptr;
    if (Status st = lookup_pair(dest, src, d, s); !st.is_ok()) {
        return st;
    }
    return insert_derived(*s, *d, update_cap_data(false, badge, mask_cap_rights(rights, s->cap)));
}

Status cnode_move(const SlotAddr& dest, const SlotAddr& src) {
    Slot* d = nullptr;
    Slot* s = nullptr;
    if (Status st = lookup_pair(dest, src, d, s); !st.is_ok()) {
        return st;
    }
    mdb_move(s->cap, *s, *d);
    return Status::ok();
}

Status cnode_mutate(const SlotAddr& dest, const SlotAddr& src, uint64_t data) {
    Slot* d = nullptr;
    Slot* s = nullptr;
    if (Status st = lookup_pair(dest, src, d, s); !st.is_ok()) {
        return st;
    }
    const Cap new_cap = update_cap_data(true, data, s->cap);
    if (new_cap.is_null()) {
        return Status::illegal_operation();
    }
    mdb_move(new_cap, *s, *d);
    return Status::ok();
}

Status cnode_rotate(const SlotAddr& dest, uint64_t dest_data, const SlotAddr& pivot,
                    uint64_t pivot_data, const SlotAddr& src) {
    Slot* d = nullptr;
    Slot* p = nullptr;
    Slot* s = nullptr;
    if (Status st = lookup(false, dest, d); !st.is_ok()) {
        return st;
    }
    if (Status st = lookup(true, pivot, p); !st.is_ok()) {
        return st;
    }
    if (Status st = lookup(true, src, s); !st.is_ok()) {
        return st;
    }
    if (p == s || p == d) {
        return Status::illegal_operation();
    }
    if (s != d && !d->cap.is_null()) {
        return Status::delete_first();
    }
    if (s->cap.is_null()) {
        return missing_source(src);
    }
    if (p->cap.is_null()) {
        return Status::failed_lookup(false, LookupFault::missing_capability(pivot.depth));
    }
    const Cap new_src = update_cap_data(true, pivot_data, s->cap);
    const Cap new_pivot = update_cap_data(true, dest_data, p->cap);
    if (new_src.is_null() || new_pivot.is_null()) {
        return Status::illegal_operation();
    }
    if (s == d) {
        mdb_swap(new_src, *s, new_pivot, *p);
    } else {
        mdb_move(new_pivot, *p, *d);
        mdb_move(new_src, *s, *p);
    }
    return Status::ok();
}

Status cnode_delete(const SlotAddr& target, Budget& budget) {
    Slot* slot = nullptr;
    if (Status st = lookup(false, target, slot); !st.is_ok()) {
        return st;
    }
    return cte_delete(*slot, budget);
}

Status cnode_revoke(const SlotAddr& target, Budget& budget) {
    Slot* slot = nullptr;
    if (Status st = lookup(false, target, slot); !st.is_ok()) {
        return st;
    }
    return cte_revoke(*slot, budget);
}

} // namespace rampart::kernel
