// Scheduling-context donation over a call (MCS): a passive receiver runs on
// the caller's context, which the reply object remembers and sends home with
// the reply. Inline: both the IPC slow path and the fastpath use it.
#pragma once

#include "object/reply.hpp"
#include "object/sched_context.hpp"
#include "object/tcb.hpp"

namespace rampart::ipc {

using kernel::Reply;
using kernel::Tcb;

inline void donate(Reply& reply, Tcb& caller, Tcb& receiver) {
    if (receiver.sched_context || !caller.sched_context)
        return;
    kernel::SchedContext* sc = caller.sched_context;
    reply.donated = sc;
    receiver.sched_context = sc;
    caller.sched_context = nullptr;
    sc->tcb = &receiver;
}

inline void return_donation(Reply& reply, Tcb& replier, Tcb& caller) {
    kernel::SchedContext* sc = reply.donated;
    if (!sc)
        return;
    if (replier.sched_context == sc)
        replier.sched_context = nullptr;
    caller.sched_context = sc;
    sc->tcb = &caller;
    reply.donated = nullptr;
}

} // namespace rampart::ipc
