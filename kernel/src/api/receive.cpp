// The receiving system calls: Recv, NBRecv, Wait, NBWait, ReplyRecv,
// NBSendRecv and NBSendWait.
#include "api/cspace_lookup.hpp"
#include "api/invoke.hpp"
#include "api/message.hpp"
#include "ipc/ipc.hpp"
#include "kernel/cspace.hpp"
#include "kernel/phys.hpp"
#include "thread/current.hpp"
#include "thread/user_fault.hpp"

namespace rampart::api {
namespace {

using kernel::Cap;
using kernel::CapType;

[[gnu::noinline]] arch::UserContext* lookup_failed(kernel::Tcb& t, uint64_t cptr,
                                                  const kernel::LookupFault& f, bool in_receive) {
    const uint64_t words[3] = {f.bits_left, f.word1, f.word2};
    return thread::cap_fault(&t.context, cptr, static_cast<uint64_t>(f.kind), words, in_receive);
}

// Looks up `cptr` (from one of the thread's registers) in its CSpace; a miss
// is a cap fault. Inline: every receive and wait starts here.
[[gnu::always_inline]] inline bool lookup(kernel::Tcb& t, uint64_t cptr, Cap& out,
                                          arch::UserContext*& fault, bool in_receive) {
    kernel::Slot* slot = nullptr;
    const auto f = lookup_cap_slot(t, cptr, slot);
    if (f.kind != kernel::LookupFailure::None) [[unlikely]] {
        fault = lookup_failed(t, cptr, f, in_receive);
        return false;
    }
    out = slot->cap;
    return true;
}

[[gnu::noinline]] arch::UserContext* wrong_cap(kernel::Tcb& t, uint64_t cptr, bool in_receive) {
    const uint64_t words[3] = {0, 0, 0};
    return thread::cap_fault(&t.context, cptr,
                             static_cast<uint64_t>(kernel::LookupFailure::MissingCapability), words,
                             in_receive);
}

// The reply object the call names (0: none), and whether its cap may grant.
bool reply_object(kernel::Tcb& t, kernel::Reply*& out, arch::UserContext*& fault,
                  bool* can_grant = nullptr) {
    out = nullptr;
    const uint64_t cptr = t.context.reply_cptr();
    if (cptr == 0)
        return true;
    Cap cap;
    if (!lookup(t, cptr, cap, fault, true))
        return false;
    if (cap.type() != CapType::Reply) {
        fault = wrong_cap(t, cptr, true);
        return false;
    }
    out = kernel::phys_ptr<kernel::Reply>(cap.paddr());
    if (can_grant)
        *can_grant = cap.reply_can_grant();
    return true;
}

arch::UserContext* receive(kernel::Tcb& t, bool blocking, bool notification_only) {
    Cap src;
    arch::UserContext* fault = nullptr;
    if (!lookup(t, t.context.cptr(), src, fault, true))
        return fault;
    if (src.type() == CapType::Notification && src.rights().read()) {
        auto& n = *kernel::phys_ptr<kernel::Notification>(src.paddr());
        if (n.bound_tcb && n.bound_tcb != &t)
            return wrong_cap(t, t.context.cptr(), true); // bound to another thread (as seL4)
        ipc::wait(t, n, blocking);
        return thread::resume_point();
    }
    if (src.type() != CapType::Endpoint || !src.rights().read())
        return wrong_cap(t, t.context.cptr(), true);
    kernel::Reply* reply = nullptr;
    // Wait / NBWait on an endpoint receive without a reply object (seL4 MCS).
    if (!notification_only && !reply_object(t, reply, fault))
        return fault;
    ipc::receive(t, *kernel::phys_ptr<kernel::Endpoint>(src.paddr()), reply, blocking);
    return thread::resume_point();
}

} // namespace

arch::UserContext* handle_receive(kernel::Tcb& t, bool blocking, bool notification_only) {
    return receive(t, blocking, notification_only);
}

arch::UserContext* handle_reply_recv(kernel::Tcb& t) {
    kernel::Reply* reply = nullptr;
    arch::UserContext* fault = nullptr;
    bool can_grant = false;
    if (!reply_object(t, reply, fault, &can_grant))
        return fault;
    if (reply)
        ipc::reply(t, *reply, can_grant);
    return receive(t, true, false);
}

arch::UserContext* handle_send_receive(kernel::Tcb& t, bool notification_only) {
    Cap dest;
    arch::UserContext* fault = nullptr;
    if (!lookup(t, t.context.send_dest_cptr(), dest, fault, false))
        return fault;
    if (dest.type() == CapType::Endpoint && dest.rights().write())
        ipc::send(t, *kernel::phys_ptr<kernel::Endpoint>(dest.paddr()),
                  ipc::SendRights{dest.badge(), dest.rights().grant(), dest.rights().grant_reply()},
                  false, false);
    else if (dest.type() == CapType::Notification && dest.rights().write())
        ipc::signal(*kernel::phys_ptr<kernel::Notification>(dest.paddr()), dest.badge());
    // A destination that cannot be sent to drops the send; the receive goes on (seL4).
    return receive(t, true, notification_only);
}

} // namespace rampart::api
