// What time is charged to (MCS): the running context, since when, and the
// scheduling timer's deadline. The scheduler charges and sets the timer at
// every switch it makes; the IPC fastpath switches threads without it, so
// the switch of context it needs is here, inline (what seL4's
// switchSchedContext and commitTime do on its slow path).
#pragma once

#include "arch/timer.hpp"
#include "object/sched_context.hpp"

namespace rampart::sched {

struct Charging {
    kernel::SchedContext* running_sc = nullptr; // the current thread's context
    uint64_t since = 0;                          // charged up to this time
    // The timer's deadline as programmed (~0: not armed). It is never later
    // than the end of the running budget, the next refill due on the release
    // queue or the end of the domain's slot: the scheduler computes it at
    // every switch and lowers it when an earlier release is queued.
    uint64_t deadline = ~uint64_t{0};
};
extern Charging charging;

// Charges the running context, whose thread no longer runs, for the time
// up to `now` (its refills: refills.hpp).
void charge_blocked(uint64_t now);
// Merges the refills a head moved to `now` overlaps (RefillRing::unblock).
void unblock_refills(kernel::SchedContext& sc, uint64_t now);

// A round-robin context with more of its slice left than `used`: the slice
// shrinks in place (true). Otherwise nothing changes (false).
[[gnu::always_inline]] inline bool shrink_slice(kernel::SchedContext& sc, uint64_t used) {
    kernel::Refill& slice = sc.refills()[sc.refill_head];
    if (sc.budget != sc.period || used >= slice.amount)
        return false;
    sc.consumed += used;
    slice.amount -= used;
    return true;
}

// A context whose thread wakes at `now` may not bank the time it did not
// use while blocked: a head released in the past starts now (a lone refill
// simply moves; several merge where they then overlap).
[[gnu::always_inline]] inline void wake_refills(kernel::SchedContext& sc, uint64_t now) {
    kernel::Refill& head = sc.refills()[sc.refill_head];
    if (head.release_time >= now)
        return;
    if (sc.refill_count == 1)
        head.release_time = now;
    else
        unblock_refills(sc, now);
}

// Arms the timer for `d` (the cached deadline saves reprogramming it).
inline void set_deadline(uint64_t d) {
    if (d != charging.deadline) {
        charging.deadline = d;
        arch::timer_set_deadline(d);
    }
}

// The IPC fastpath may run a blocked thread on its own context `sc` from
// `now`: it is configured and its head refill is due (otherwise the slow
// path decides).
[[gnu::always_inline]] inline bool context_due(const kernel::SchedContext& sc, uint64_t now) {
    return sc.configured() && sc.refills()[sc.refill_head].release_time <= now;
}

// The IPC fastpath has switched threads and now runs the new one on its own
// context `sc` (context_due at `now`), not the one being charged: the
// running context pays up to now, `sc` wakes (wake_refills) and is charged
// from now on, and the timer fires no later than the end of its budget (an
// earlier deadline stays: when it fires, the scheduler charges and arms the
// timer afresh). Inline, at the fastpath's end where little is live.
[[gnu::always_inline]] inline void switch_context(kernel::SchedContext& sc, uint64_t now) {
    // The current thread ran on a context (the scheduler's invariant).
    if (shrink_slice(*charging.running_sc, now - charging.since))
        charging.since = now;
    else
        charge_blocked(now);
    wake_refills(sc, now);
    charging.running_sc = &sc;
    if (const uint64_t end = now + sc.refills()[sc.refill_head].amount; end < charging.deadline)
        set_deadline(end);
}

} // namespace rampart::sched
