// Reply object (MCS): the way back to a caller. A Recv names a reply object;
// a Call received with it links the caller here, and the scheduling context
// the caller donated (to a passive server) returns through it.
#pragma once

#include <rampart/objects.h>
#include <stdint.h>

namespace rampart::kernel {

struct Tcb;
struct SchedContext;

struct Reply {
    Tcb* caller = nullptr;              // waiting for this reply, nullptr when none
    SchedContext* donated = nullptr;    // the caller's SC, lent to the server
    uint64_t check_claimed = 0;         // invariant checker: a receiver waits with it
    uint64_t check = 0;                 // invariant checker: live (kernel/invariants.hpp)
};

static_assert(sizeof(Reply) == (1u << RAMPART_REPLY_BITS));

// Hook of the last cap going away: the caller stops waiting, the SC goes home.
void reply_finalise(Reply& reply);

} // namespace rampart::kernel
