// Synchronous IPC through endpoints, replies (MCS reply objects with
// scheduling-context donation) and asynchronous notifications.
#pragma once

#include "kernel/cap.hpp"
#include "object/endpoint.hpp"
#include "object/notification.hpp"
#include "object/reply.hpp"
#include "object/tcb.hpp"

namespace rampart::ipc {

using kernel::Endpoint;
using kernel::Notification;
using kernel::Reply;
using kernel::Tcb;

// What a send carries besides the message: from the endpoint cap used.
struct SendRights {
    uint64_t badge;
    bool can_grant;
    bool can_grant_reply;
};

// Sends the sender's message; a blocking send waits for a receiver. A call
// then waits for the reply (through the receiver's reply object).
void send(Tcb& sender, Endpoint& ep, SendRights rights, bool blocking, bool is_call);
// Receives into the receiver; a blocking receive waits for a sender. A
// pending signal of the bound notification is taken first.
void receive(Tcb& receiver, Endpoint& ep, Reply* reply, bool blocking);
// Sends the replier's message to the caller waiting on `reply`, if any.
void reply(Tcb& replier, Reply& reply, bool can_grant);

void signal(Notification& n, uint64_t badge);
void wait(Tcb& t, Notification& n, bool blocking);
// A passive thread that ran a signal on the notification's scheduling context
// gives it back (when it waits again, or takes a call on the caller's context).
void return_lent_context(Tcb& t, Notification& n);

// Takes a thread out of whatever IPC it is blocked in (it then stays Inactive
// or is restarted by the caller).
void cancel(Tcb& t);
// The senders of the badge make their system call again (a thread sending a
// fault stops instead, as below).
void cancel_badged_sends(Endpoint& ep, uint64_t badge);
// The object waited on is going away: every waiter makes its system call
// again (which then fails on the missing cap) and the queue is left empty;
// a thread that was sending a fault stops (it was in no system call).
void restart_all(kernel::ThreadQueue& queue);

// Binding a notification to a TCB: signals reach the TCB while it waits on an endpoint.
void bind_notification(Tcb& t, Notification& n);
void unbind_notification(Tcb& t);

} // namespace rampart::ipc
