// Notification object: a word of signal bits, a queue of waiting threads,
// the TCB it is bound to and (MCS) the scheduling context it lends.
#pragma once

#include <rampart/objects.h>
#include <stdint.h>

#include "object/thread_queue.hpp"

namespace rampart::kernel {

struct SchedContext;

enum class NotificationState : uint8_t { Idle = 0, Waiting = 1, Active = 2 };

struct Notification {
    ThreadQueue queue;
    uint64_t word = 0;
    Tcb* bound_tcb = nullptr;
    SchedContext* sched_context = nullptr;
    uint64_t check = 0; // invariant checker: live (kernel/invariants.hpp)
    uint64_t reserved[2] = {};

    [[nodiscard]] NotificationState state() const { return static_cast<NotificationState>(queue.tag()); }
};

static_assert(sizeof(Notification) <= (1u << RAMPART_NOTIFICATION_BITS));

// Hook of the last cap going away: unbind from its TCB and SC, cancel all waits.
void notification_finalise(Notification& ntfn);

} // namespace rampart::kernel
