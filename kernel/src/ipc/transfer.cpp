// Message transfer: words 0..3 in registers, the rest between IPC buffers;
// extra caps into the receiver's receive slot (one per message, as in seL4),
// caps to the endpoint itself unwrapped into their badges.
#include "ipc/transfer.hpp"

#include "api/message.hpp"
#include "kernel/cap_ops.hpp"
#include "kernel/cspace.hpp"
#include "kernel/mdb.hpp"
#include "kernel/phys.hpp"

#include <rampart/message.h>

namespace rampart::ipc {
namespace {

using kernel::Cap;
using kernel::CapType;
using kernel::Slot;

// The receiver's empty receive slot, or nullptr.
Slot* receive_slot(kernel::Tcb& to, const rampart_ipc_buffer& buf) {
    const Cap root = to.slot(kernel::TcbSlot::CSpace).cap;
    Slot* cnode_slot = nullptr;
    if (kernel::lookup_slot(root, kernel::CPtr{buf.receive_cnode}, cnode_slot).kind !=
        kernel::LookupFailure::None)
        return nullptr;
    Slot* dest = nullptr;
    if (!kernel::lookup_slot_for_cnode_op(false, cnode_slot->cap, kernel::CPtr{buf.receive_index},
                                          buf.receive_depth, dest)
             .is_ok())
        return nullptr;
    return dest->cap.is_null() ? dest : nullptr;
}

// Returns the number of extra caps delivered; sets the unwrapped mask.
uint64_t transfer_caps(kernel::Tcb& from, rampart_ipc_buffer& from_buf, kernel::Tcb& to,
                       rampart_ipc_buffer& to_buf, const kernel::Endpoint* ep, uint64_t count,
                       uint64_t& unwrapped) {
    const Cap root = from.slot(kernel::TcbSlot::CSpace).cap;
    Slot* dest = receive_slot(to, to_buf);
    uint64_t done = 0;
    for (uint64_t i = 0; i < count; ++i) {
        Slot* src = nullptr;
        if (kernel::lookup_slot(root, kernel::CPtr{from_buf.caps_or_badges[i]}, src).kind !=
                kernel::LookupFailure::None ||
            src->cap.is_null())
            break;
        const Cap cap = src->cap;
        if (cap.type() == CapType::Endpoint && ep &&
            kernel::phys_ptr<kernel::Endpoint>(cap.paddr()) == ep) {
            to_buf.caps_or_badges[i] = cap.badge();
            unwrapped |= uint64_t{1} << i;
        } else {
            Cap derived;
            if (!dest || !kernel::derive_cap(*src, cap, derived).is_ok() || derived.is_null())
                break;
            kernel::mdb_insert(derived, *src, *dest);
            dest = nullptr;
        }
        done = i + 1;
    }
    return done;
}

} // namespace

void transfer(kernel::Tcb& from, kernel::Tcb& to, const kernel::Endpoint* ep, uint64_t badge,
              bool can_grant) {
    const uint64_t info = from.context.info();
    rampart_ipc_buffer* from_buf = api::ipc_buffer(from, api::BufferUse::Read);
    rampart_ipc_buffer* to_buf = api::ipc_buffer(to, api::BufferUse::Write);
    uint64_t length = rampart_msginfo_length(info);
    if (length > RAMPART_MSG_MAX_LENGTH)
        length = RAMPART_MSG_MAX_LENGTH;
    if ((!from_buf || !to_buf) && length > RAMPART_MSG_REGISTERS)
        length = RAMPART_MSG_REGISTERS;
    for (unsigned i = 0; i < RAMPART_MSG_REGISTERS && i < length; ++i)
        to.context.set_mr(i, from.context.mr(i));
    for (uint64_t i = RAMPART_MSG_REGISTERS; i < length; ++i)
        to_buf->msg[i] = from_buf->msg[i];
    uint64_t caps = 0, unwrapped = 0;
    const uint64_t extra = rampart_msginfo_extra_caps(info);
    if (can_grant && extra && from_buf && to_buf)
        caps = transfer_caps(from, *from_buf, to, *to_buf, ep, extra, unwrapped);
    to.context.set_info(rampart_msginfo_new(rampart_msginfo_label(info), unwrapped, caps, length));
    to.context.set_badge(badge);
}

} // namespace rampart::ipc
