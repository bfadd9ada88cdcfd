// Fastpath conditions after seL4's, extended to active servers (the MCS
// budget of the server's own SC keeps temporal isolation; see DESIGN).
#include "api/fastpath.hpp"

#include "api/cspace_lookup.hpp"
#include "api/message.hpp"
#include "arch/vspace.hpp"
#include "ipc/donation.hpp"
#include "kernel/phys.hpp"
#include "object/endpoint.hpp"
#include "object/notification.hpp"
#include "object/reply.hpp"
#include "object/sched_context.hpp"
#include "sched/scheduler.hpp"
#include "thread/current.hpp"
#include "thread/fpu.hpp"

namespace rampart::api {
namespace {

using kernel::Cap;
using kernel::CapType;
using kernel::Tcb;
using kernel::ThreadState;

bool short_message(uint64_t info) {
    return rampart_msginfo_extra_caps(info) == 0 &&
           rampart_msginfo_length(info) <= RAMPART_MSG_REGISTERS;
}

bool vspace_ok(Tcb& t) {
    const Cap& vs = t.slot(kernel::TcbSlot::VSpace).cap;
    return vs.type() == CapType::VSpace && vs.table_is_mapped();
}

// Copies the short message and switches to `to`.
arch::UserContext* hand_over(Tcb& from, Tcb& to, uint64_t info, uint64_t badge) {
    const uint64_t length = rampart_msginfo_length(info);
    for (unsigned i = 0; i < length; ++i)
        to.context.x[mr_register_base + i] = from.context.x[mr_register_base + i];
    to.context.x[info_register] = rampart_msginfo_new(rampart_msginfo_label(info), 0, 0, length);
    to.context.x[badge_register] = badge;
    to.state = ThreadState::Running;
    to.blocked_on = nullptr;
    const Cap& vs = to.slot(kernel::TcbSlot::VSpace).cap;
    if (from.slot(kernel::TcbSlot::VSpace).cap.mapped_word() != vs.mapped_word())
        arch::vspace_activate(vs.paddr().value, static_cast<uint16_t>(vs.mapped_word()));
    arch::set_user_ipc_buffer(to.ipc_buffer_vaddr);
    thread::fpu_switch_to(&to);
    thread::set_current(&to);
    return &to.context;
}

} // namespace

arch::UserContext* fastpath_call(Tcb& caller) {
    const uint64_t info = caller.context.x[info_register];
    if (!short_message(info))
        return nullptr;
    const kernel::Slot* cap_slot = lookup_flat(caller, caller.context.x[badge_register]);
    const Cap* cap = cap_slot ? &cap_slot->cap : nullptr;
    if (!cap || cap->type() != CapType::Endpoint || !cap->rights().write() ||
        !(cap->rights().grant() || cap->rights().grant_reply()))
        return nullptr;
    auto& ep = *kernel::phys_ptr<kernel::Endpoint>(cap->paddr());
    if (ep.state() != kernel::EndpointState::Receive)
        return nullptr;
    Tcb& server = *ep.queue.head();
    kernel::Reply* reply = server.reply;
    if (!reply || reply->caller || server.priority < caller.priority ||
        server.domain != caller.domain || !vspace_ok(server))
        return nullptr;

    ep.queue.pop_front();
    if (ep.queue.empty())
        ep.queue.set_tag(static_cast<unsigned>(kernel::EndpointState::Idle));
    server.reply = nullptr;
    reply->caller = &caller;
    caller.reply = reply;
    caller.state = ThreadState::BlockedOnReply;
    caller.ipc_can_grant = cap->rights().grant();
    caller.ipc_can_grant_reply = cap->rights().grant_reply();
    ipc::donate(*reply, caller, server); // a passive server runs on our time
    return hand_over(caller, server, info, cap->badge());
}

arch::UserContext* fastpath_reply_recv(Tcb& server) {
    const uint64_t info = server.context.x[info_register];
    if (!short_message(info))
        return nullptr;
    const kernel::Slot* reply_slot = lookup_flat(server, server.context.x[reply_register]);
    const kernel::Slot* ep_slot = lookup_flat(server, server.context.x[badge_register]);
    const Cap* reply_cap = reply_slot ? &reply_slot->cap : nullptr;
    const Cap* ep_cap = ep_slot ? &ep_slot->cap : nullptr;
    if (!reply_cap || reply_cap->type() != CapType::Reply || !ep_cap ||
        ep_cap->type() != CapType::Endpoint || !ep_cap->rights().read())
        return nullptr;
    auto& reply = *kernel::phys_ptr<kernel::Reply>(reply_cap->paddr());
    auto& ep = *kernel::phys_ptr<kernel::Endpoint>(ep_cap->paddr());
    Tcb* client = reply.caller;
    if (!client || client->fault != kernel::FaultType::None ||
        ep.state() == kernel::EndpointState::Send ||
        (server.bound_notification &&
         server.bound_notification->state() == kernel::NotificationState::Active) ||
        client->domain != server.domain || !vspace_ok(*client) || !sched::may_run_next(*client))
        return nullptr;

    // The server waits for the next call with the same reply object.
    server.state = ThreadState::BlockedOnReceive;
    server.blocked_on = &ep;
    server.reply = &reply;
    ep.queue.append(&server);
    ep.queue.set_tag(static_cast<unsigned>(kernel::EndpointState::Receive));
    reply.caller = nullptr;
    client->reply = nullptr;
    ipc::return_donation(reply, server, *client);
    return hand_over(server, *client, info, 0);
}

} // namespace rampart::api
