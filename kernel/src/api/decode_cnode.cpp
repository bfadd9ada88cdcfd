// CNode invocations (labels and argument order in kernel/include/rampart/invocations.h).
#include "api/invocation.hpp"
#include "ipc/ipc.hpp"
#include "kernel/cspace.hpp"
#include "kernel/phys.hpp"
#include "object/cnode.hpp"
#include "object/cnode_digest.hpp"

#include <rampart/invocations.h>

namespace rampart::api {

using kernel::CPtr;
using kernel::Rights;
using kernel::SlotAddr;
using kernel::Status;

namespace {

SlotAddr here(const Invocation& inv, unsigned index_arg) {
    return SlotAddr{inv.cap, CPtr{inv.arg(index_arg)}, inv.arg(index_arg + 1)};
}

SlotAddr from(const Invocation& inv, unsigned cap, unsigned index_arg) {
    return SlotAddr{inv.extra[cap]->cap, CPtr{inv.arg(index_arg)}, inv.arg(index_arg + 1)};
}

} // namespace

Status decode_cnode(const Invocation& inv, Results& out, kernel::Budget& budget) {
    switch (inv.label) {
    case RAMPART_CNODE_REVOKE:
        if (!inv.has(2))
            return Status::truncated_message();
        return kernel::cnode_revoke(here(inv, 0), budget);
    case RAMPART_CNODE_CANCEL_BADGED_SENDS: {
        if (!inv.has(2))
            return Status::truncated_message();
        kernel::Slot* slot = nullptr;
        if (const Status s = kernel::lookup_slot_for_cnode_op(false, inv.cap, CPtr{inv.arg(0)},
                                                              inv.arg(1), slot);
            !s.is_ok())
            return s;
        const kernel::Cap& ep = slot->cap;
        // As in seL4: only a cap with every right may cancel a badge's sends.
        if (ep.type() != kernel::CapType::Endpoint || ep.rights() != kernel::Rights::all())
            return Status::illegal_operation();
        if (ep.badge() != 0) // the unbadged cap has no badge to cancel
            ipc::cancel_badged_sends(*kernel::phys_ptr<kernel::Endpoint>(ep.paddr()), ep.badge());
        return Status::ok();
    }
    case RAMPART_CNODE_DELETE:
        if (!inv.has(2))
            return Status::truncated_message();
        return kernel::cnode_delete(here(inv, 0), budget);
    case RAMPART_CNODE_COPY:
        if (!inv.has(5, 1))
            return Status::truncated_message();
        return kernel::cnode_copy(here(inv, 0), from(inv, 0, 2), Rights{inv.arg(4)});
    case RAMPART_CNODE_MINT:
        if (!inv.has(6, 1))
            return Status::truncated_message();
        return kernel::cnode_mint(here(inv, 0), from(inv, 0, 2), Rights{inv.arg(4)}, inv.arg(5));
    case RAMPART_CNODE_MOVE:
        if (!inv.has(4, 1))
            return Status::truncated_message();
        return kernel::cnode_move(here(inv, 0), from(inv, 0, 2));
    case RAMPART_CNODE_MUTATE:
        if (!inv.has(5, 1))
            return Status::truncated_message();
        return kernel::cnode_mutate(here(inv, 0), from(inv, 0, 2), inv.arg(4));
    case RAMPART_CNODE_ROTATE:
        if (!inv.has(8, 2))
            return Status::truncated_message();
        return kernel::cnode_rotate(here(inv, 0), inv.arg(2), from(inv, 0, 3), inv.arg(5),
                                    from(inv, 1, 6));
    case RAMPART_CNODE_DIGEST: {
        if (!inv.has(2))
            return Status::truncated_message();
        uint64_t at = inv.arg(0), hash = inv.arg(1);
        if (const Status s = kernel::cnode_digest(inv.cap, at, hash); !s.is_ok())
            return s;
        out.push(hash);
        out.push(at);
        return Status::ok();
    }
    default:
        return Status::illegal_operation();
    }
}

} // namespace rampart::api
