// Endpoint IPC: send, receive, reply and cancellation (seL4 MCS semantics).
#include "ipc/ipc.hpp"

#include "ipc/donation.hpp"
#include "ipc/fault.hpp"
#include "ipc/transfer.hpp"
#include "kernel/phys.hpp"
#include "object/sched_context.hpp"
#include "sched/scheduler.hpp"

namespace rampart::ipc {
namespace {

using kernel::EndpointState;
using kernel::ThreadState;

void wake(Tcb& t) {
    t.state = ThreadState::Running;
    t.blocked_on = nullptr;
    sched::make_runnable(&t);
}

void set_state(Endpoint& ep, EndpointState s) {
    ep.queue.set_tag(static_cast<unsigned>(s));
}

// The caller waits for the reply on `reply`; a passive receiver runs on the caller's SC.
void link_reply(Tcb& caller, Tcb& receiver, Reply& reply) {
    if (reply.caller)
        cancel(*reply.caller);
    reply.caller = &caller;
    caller.reply = &reply;
    caller.state = ThreadState::BlockedOnReply;
    donate(reply, caller, receiver);
}

// A call was received: with a reply object and the right to grant a reply, the
// caller waits for it; otherwise it just stops (as in seL4).
void after_call(Tcb& caller, Tcb& receiver, Reply* reply) {
    if (reply && (caller.ipc_can_grant || caller.ipc_can_grant_reply))
        link_reply(caller, receiver, *reply);
    else
        caller.state = ThreadState::Inactive;
}

void deliver(Tcb& from, Tcb& to, const Endpoint& ep, uint64_t badge, bool can_grant) {
    if (from.fault != kernel::FaultType::None)
        write_fault_message(from, to, badge);
    else
        transfer(from, to, &ep, badge, can_grant);
}

} // namespace

void send(Tcb& sender, Endpoint& ep, SendRights rights, bool blocking, bool is_call) {
    if (ep.state() == EndpointState::Receive) {
        Tcb& receiver = *ep.queue.pop_front();
        if (ep.queue.empty())
            set_state(ep, EndpointState::Idle);
        Reply* reply = receiver.reply;
        receiver.reply = nullptr;
        deliver(sender, receiver, ep, rights.badge, rights.can_grant);
        if (is_call) {
            sender.ipc_can_grant = rights.can_grant;
            sender.ipc_can_grant_reply = rights.can_grant_reply;
            after_call(sender, receiver, reply);
        }
        wake(receiver);
        return;
    }
    if (!blocking)
        return;
    sender.state = ThreadState::BlockedOnSend;
    sender.blocked_on = &ep;
    sender.ipc_badge = rights.badge;
    sender.ipc_can_grant = rights.can_grant;
    sender.ipc_can_grant_reply = rights.can_grant_reply;
    sender.ipc_is_call = is_call;
    sched::remove(&sender);
    ep.queue.append(&sender);
    set_state(ep, EndpointState::Send);
}

void receive(Tcb& receiver, Endpoint& ep, Reply* reply, bool blocking) {
    if (Notification* n = receiver.bound_notification;
        n && n->state() == kernel::NotificationState::Active) {
        wait(receiver, *n, false);
        return;
    }
    if (reply && reply->caller)
        cancel(*reply->caller); // a reply object serves one caller at a time
    if (ep.state() == EndpointState::Send) {
        Tcb& sender = *ep.queue.pop_front();
        if (ep.queue.empty())
            set_state(ep, EndpointState::Idle);
        sender.blocked_on = nullptr;
        const bool call = sender.ipc_is_call || sender.fault != kernel::FaultType::None;
        if (call && receiver.bound_notification)
            return_lent_context(receiver, *receiver.bound_notification); // runs on the caller's
        deliver(sender, receiver, ep, sender.ipc_badge, sender.ipc_can_grant);
        if (call)
            after_call(sender, receiver, reply);
        else
            wake(sender);
        return;
    }
    if (!blocking) {
        receiver.context.set_badge(0); // no badge: nothing was received
        receiver.context.set_info(0);
        return;
    }
    if (receiver.bound_notification)
        return_lent_context(receiver, *receiver.bound_notification);
    receiver.state = ThreadState::BlockedOnReceive;
    receiver.blocked_on = &ep;
    receiver.reply = reply;
    sched::remove(&receiver);
    ep.queue.append(&receiver);
    set_state(ep, EndpointState::Receive);
}

void reply(Tcb& replier, Reply& r, bool can_grant) {
    Tcb* caller = r.caller;
    if (!caller)
        return;
    r.caller = nullptr;
    caller->reply = nullptr;
    return_donation(r, replier, *caller);
    if (caller->fault != kernel::FaultType::None) {
        if (handle_fault_reply(*caller, replier))
            wake(*caller);
        else
            caller->state = ThreadState::Inactive;
        return;
    }
    transfer(replier, *caller, nullptr, 0, can_grant);
    wake(*caller);
}

void cancel(Tcb& t) {
    switch (t.state) {
    case ThreadState::BlockedOnSend:
    case ThreadState::BlockedOnReceive: {
        auto* ep = static_cast<Endpoint*>(t.blocked_on);
        ep->queue.remove(&t);
        if (ep->queue.empty())
            set_state(*ep, EndpointState::Idle);
        t.reply = nullptr;
        break;
    }
    case ThreadState::BlockedOnNotification: {
        auto* n = static_cast<Notification*>(t.blocked_on);
        n->queue.remove(&t);
        if (n->queue.empty())
            n->queue.set_tag(static_cast<unsigned>(kernel::NotificationState::Idle));
        break;
    }
    case ThreadState::BlockedOnReply:
        if (Reply* r = t.reply) {
            if (r->donated) { // the caller's SC stays with the server until it replies
                t.sched_context = nullptr;
            }
            r->caller = nullptr;
            t.reply = nullptr;
        }
        break;
    default:
        break;
    }
    t.blocked_on = nullptr;
    t.state = ThreadState::Inactive;
}

void cancel_badged_sends(Endpoint& ep, uint64_t badge) {
    if (ep.state() != EndpointState::Send)
        return;
    for (Tcb* t = ep.queue.head(); t;) {
        Tcb* next = t->ipc_link.next;
        if (t->ipc_badge == badge) {
            ep.queue.remove(t);
            t->state = ThreadState::Restart; // it sends again when it next runs
            t->context.restart_syscall();
            t->blocked_on = nullptr;
            sched::make_runnable(t);
        }
        t = next;
    }
    if (ep.queue.empty())
        set_state(ep, EndpointState::Idle);
}

void restart_all(kernel::ThreadQueue& queue) {
    while (Tcb* t = queue.pop_front()) {
        t->state = ThreadState::Restart;
        t->context.restart_syscall();
        t->blocked_on = nullptr;
        t->reply = nullptr;
        sched::make_runnable(t);
    }
    queue.set_tag(0); // idle
}

} // namespace rampart::ipc

namespace rampart::kernel {

void endpoint_cancel_all(Endpoint& ep) {
    ipc::restart_all(ep.queue);
}

void reply_finalise(Reply& r) {
    if (Tcb* caller = r.caller)
        ipc::cancel(*caller);
    r.caller = nullptr;
    r.donated = nullptr;
}

} // namespace rampart::kernel
