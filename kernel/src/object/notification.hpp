// Notification object: a word of signal bits, a queue of waiting threads,
// the TCB it is bound to and (MCS) the scheduling context it donates.
#pragma once

#include <rampart/objects.h>
#include <stdint.h>

namespace rampart::kernel {

struct Notification {
    uint64_t queue_head = 0;
    uint64_t queue_tail_state = 0;
    uint64_t word = 0;
    uint64_t bound_tcb = 0;
    uint64_t sched_context = 0;
    uint64_t reserved[3] = {};
};

static_assert(sizeof(Notification) <= (1u << RAMPART_NOTIFICATION_BITS));

// Hook of the last cap going away: unbind from its TCB and SC, cancel all waits.
void notification_finalise(Notification& ntfn);

} // namespace rampart::kernel
