// The invariant checker's part for the pointers objects keep to each other
// (see kernel/invariants.hpp): thread ↔ scheduling context, notification ↔
// bound thread and scheduling context, reply ↔ caller and receiver, and the
// queues of endpoints and notifications.
#pragma once

#include "kernel/invariants.hpp"
#include "object/notification.hpp"
#include "object/reply.hpp"
#include "object/sched_context.hpp"
#include "object/tcb.hpp"

namespace rampart::kernel {

// Stamps every live thread, scheduling context, notification and reply with
// this run's mark, so the checks below (and the scheduler's) can tell a live
// object of the right type from anything else in one step.
bool stamp_objects(InvariantCheck& check);

// With the objects stamped: every thread blocked on an endpoint or a
// notification is on its queue once and on no other (the queues are well
// linked and agree with their state), and every pointer between threads,
// scheduling contexts, notifications and replies names a live object of
// the right type that points back.
bool check_objects(InvariantCheck& check);

// Whether `p` names a live object of the type in this run (p may be anything).
[[nodiscard]] bool is_live(const InvariantCheck& check, const Tcb* p);
[[nodiscard]] bool is_live(const InvariantCheck& check, const SchedContext* p);
[[nodiscard]] bool is_live(const InvariantCheck& check, const Notification* p);
[[nodiscard]] bool is_live(const InvariantCheck& check, const Reply* p);

} // namespace rampart::kernel
