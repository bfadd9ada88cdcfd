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

// A call was received: with a reply object and the right to grant a reply, the
// caller waits for it (a passive receiver runs on its context, unless the
// call is a timeout fault: that context has no budget left); otherwise it
// just stops (as in seL4).
void after_call(Tcb& caller, Tcb& receiver, Reply* reply) {
    if (reply && (caller.ipc_can_grant || caller.ipc_can_grant_reply))
        reply_push(caller, receiver, *reply, caller.fault != kernel::FaultType::Timeout);
    else
        caller.state = ThreadState::Inactive;
}

// A receive names a reply object another thread is linked to: a caller
// waiting on it is abandoned (its lent context comes back, seL4's
// reply_remove), a receiver waiting with it stops (seL4's cancelIPC).
void take_over(Reply& reply, Tcb& receiver) {
    Tcb* t = reply.tcb;
    if (!t || t == &receiver)
        return;
    if (t->state == ThreadState::BlockedOnReply) {
        reply_remove(reply, *t);
        t->state = ThreadState::Inactive;
    } else {
        cancel(*t);
    }
}

// A thread taken off a queue whose IPC cannot go on makes its system call
// again when it next runs; a thread that was sending a fault was not in a
// system call, so it stops instead (seL4's restart_thread_if_no_fault).
void restart_if_no_fault(Tcb& t) {
    t.blocked_on = nullptr;
    if (t.fault != kernel::FaultType::None) {
        t.state = ThreadState::Inactive;
        return;
    }
    t.state = ThreadState::Restart;
    t.context.restart_syscall();
    sched::make_runnable(&t);
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
        if (reply)
            reply_unlink(*reply, receiver);
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
    if (reply)
        take_over(*reply, receiver); // a reply object serves one thread at a time
    if (Notification* n = receiver.bound_notification;
        n && n->state() == kernel::NotificationState::Active) {
        wait(receiver, *n, false);
        return;
    }
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
    if (reply)
        reply_wait(*reply, receiver);
    sched::remove(&receiver);
    ep.queue.append(&receiver);
    set_state(ep, EndpointState::Receive);
}

void reply(Tcb& replier, Reply& r, bool can_grant) {
    Tcb* caller = r.tcb;
    if (!caller || caller->state != ThreadState::BlockedOnReply)
        return;
    reply_remove(r, *caller);
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
        if (t.reply)
            reply_unlink(*t.reply, t);
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
        reply_abandon(t);
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
            restart_if_no_fault(*t); // it sends again when it next runs
        }
        t = next;
    }
    if (ep.queue.empty())
        set_state(ep, EndpointState::Idle);
}

void restart_all(kernel::ThreadQueue& queue) {
    while (Tcb* t = queue.pop_front()) {
        if (t->reply)
            reply_unlink(*t->reply, *t);
        restart_if_no_fault(*t);
    }
    queue.set_tag(0); // idle
}

} // namespace rampart::ipc

namespace rampart::kernel {

void endpoint_cancel_all(Endpoint& ep) {
    ipc::restart_all(ep.queue);
}

void reply_finalise(Reply& r) {
    Tcb* t = r.tcb;
    if (!t)
        return;
    if (t->state == ThreadState::BlockedOnReply) {
        ipc::reply_remove(r, *t); // as seL4: the lent context goes home
        t->state = ThreadState::Inactive;
    } else {
        ipc::cancel(*t); // a receiver waiting with it
    }
}

} // namespace rampart::kernel
