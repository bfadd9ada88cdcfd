// Cap derivation, rights masking and badge / guard updates.
#include "kernel/cap_ops.hpp"

#include <rampart/objects.h>

#include "kernel/mdb.hpp"

namespace rampart::kernel {

Status derive_cap(const Slot& slot, const Cap& cap, Cap& out) {
    switch (cap.type()) {
    case CapType::Zombie:
    case CapType::IrqControl:
        out = Cap::null();
        return Status::ok();
    case CapType::Untyped:
        if (has_children(slot)) {
            return Status::revoke_first();
        }
        out = cap;
        return Status::ok();
    case CapType::Frame:
        out = Cap::frame(cap.paddr(), cap.frame_size(), cap.rights(), cap.frame_is_device());
        return Status::ok();
    case CapType::PageTable:
    case CapType::VSpace:
        if (!cap.table_is_mapped()) {
            return Status::illegal_operation();
        }
        out = cap;
        return Status::ok();
    default:
        out = cap;
        return Status::ok();
    }
}

Cap mask_cap_rights(Rights rights, const Cap& cap) {
    constexpr Rights read_write{RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE};
    switch (cap.type()) {
    case CapType::Endpoint:
        return cap.with_rights(cap.rights() & rights);
    case CapType::Notification:
    case CapType::Frame:
        return cap.with_rights(cap.rights() & rights & read_write);
    case CapType::Reply:
        return Cap::reply(cap.paddr(), cap.reply_can_grant() && rights.grant());
    default:
        return cap;
    }
}

Cap update_cap_data(bool preserve, uint64_t data, const Cap& cap) {
    switch (cap.type()) {
    case CapType::Endpoint:
    case CapType::Notification:
        if (!preserve && cap.badge() == 0) {
            return cap.with_badge(data);
        }
        return Cap::null();
    case CapType::CNode: {
        const unsigned guard_size =
            static_cast<unsigned>(data & lib::mask(RAMPART_CNODE_GUARD_SIZE_BITS));
        if (guard_size + cap.cnode_radix() > RAMPART_WORD_BITS) {
            return Cap::null();
        }
        const uint64_t guard = (data >> RAMPART_CNODE_GUARD_SIZE_BITS) & lib::mask(guard_size);
        return Cap::cnode(cap.paddr(), cap.cnode_radix(), guard_size, guard);
    }
    default:
        return cap;
    }
}

} // namespace rampart::kernel
