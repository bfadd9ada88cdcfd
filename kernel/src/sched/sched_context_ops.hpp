// Scheduling contexts: configuration by SchedControl, binding to threads and
// notifications, and their refill rings (refills.hpp). Times are timer ticks
// inside the kernel and microseconds at the ABI.
#pragma once

#include "kernel/status.hpp"
#include "object/notification.hpp"
#include "object/sched_context.hpp"
#include "object/tcb.hpp"
#include "sched/refills.hpp"

namespace rampart::sched {

inline RefillRing refills_of(kernel::SchedContext& sc) {
    return RefillRing(sc.refills(), sc.refill_max, sc.refill_head, sc.refill_count);
}

uint64_t ticks_from_us(uint64_t us);
uint64_t us_from_ticks(uint64_t ticks);

// Smallest budget a context may have: enough for the kernel to enter and leave.
inline constexpr uint64_t min_budget_us = 10;
inline constexpr uint64_t max_period_us = uint64_t{1} << 40;

// `capacity`: the refills the object has room for (from its size).
kernel::Status configure(kernel::SchedContext& sc, unsigned capacity, uint64_t budget_us,
                         uint64_t period_us, uint64_t extra_refills, uint64_t badge);
kernel::Status bind_tcb(kernel::SchedContext& sc, kernel::Tcb& t);
kernel::Status bind_notification(kernel::SchedContext& sc, kernel::Notification& n);
// The thread (or notification, or both) stops using the context. The
// current thread may lose its own this way only when the context is deleted
// (the scheduler then chooses again, as it does whenever the current
// thread's context is not the one being charged).
void unbind_tcb(kernel::SchedContext& sc);
void unbind_notification(kernel::SchedContext& sc);
void unbind(kernel::SchedContext& sc);
// Time consumed since the last query, in µs (and the count restarts).
uint64_t take_consumed(kernel::SchedContext& sc);

} // namespace rampart::sched
