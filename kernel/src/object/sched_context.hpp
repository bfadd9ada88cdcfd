// Scheduling context (MCS): budget, period and a ring of refills in the rest
// of the object (16 bytes per refill, after an 80-byte header).
#pragma once

#include <rampart/objects.h>
#include <stdint.h>

namespace rampart::kernel {

struct Tcb;
struct Notification;
struct Reply;

struct Refill {
    uint64_t release_time = 0;
    uint64_t amount = 0;
};

struct SchedContext {
    uint64_t period = 0;
    uint64_t budget = 0;
    uint64_t consumed = 0;
    Tcb* tcb = nullptr; // the thread it is bound or lent to
    uint64_t badge = 0;
    uint32_t refill_max = 0;
    uint32_t refill_head = 0;
    uint32_t refill_count = 0; // refills in the ring; 0 until configured
    uint32_t core = 0;
    Notification* notification = nullptr; // bound to, lent to its passive waiters
    Reply* reply = nullptr;               // lent over a call: the latest reply it goes back through
    uint64_t check = 0;                   // invariant checker: live (kernel/invariants.hpp)
    // Refill refills[refill_max] follow.

    [[nodiscard]] Refill* refills() { return reinterpret_cast<Refill*>(this + 1); }
    [[nodiscard]] const Refill* refills() const { return reinterpret_cast<const Refill*>(this + 1); }
    [[nodiscard]] bool configured() const { return refill_count != 0; }
};

constexpr unsigned sched_context_refills(unsigned size_bits) {
    return static_cast<unsigned>(((uint64_t{1} << size_bits) - sizeof(SchedContext)) /
                                 sizeof(Refill));
}

static_assert(sizeof(SchedContext) == 80);
static_assert(sched_context_refills(RAMPART_SCHED_CONTEXT_MIN_BITS) >= 8);

// Hook of the last cap going away: unbind from TCB / notification.
void sched_context_finalise(SchedContext& sc);

} // namespace rampart::kernel
