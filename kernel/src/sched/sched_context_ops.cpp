// Scheduling-context operations (seL4 MCS semantics, simplified where noted).
#include "sched/sched_context_ops.hpp"

#include "arch/timer.hpp"
#include "sched/scheduler.hpp"

namespace rampart::sched {

using kernel::Status;

uint64_t ticks_from_us(uint64_t us) {
    return us * (arch::timer_frequency() / 1000) / 1000;
}
uint64_t us_from_ticks(uint64_t ticks) {
    return ticks * 1000 / (arch::timer_frequency() / 1000);
}

Status configure(kernel::SchedContext& sc, unsigned capacity, uint64_t budget_us,
                 uint64_t period_us, uint64_t extra_refills, uint64_t badge) {
    if (period_us > max_period_us)
        return Status::range_error(min_budget_us, max_period_us);
    if (budget_us < min_budget_us || budget_us > period_us)
        return Status::range_error(min_budget_us, period_us);
    if (extra_refills >= capacity) // not extra_refills + 1 > capacity: ~0 + 1 wraps to 0
        return Status::range_error(0, capacity - 1);
    kernel::Tcb* t = sc.tcb;
    if (t)
        remove(t);
    sc.budget = ticks_from_us(budget_us);
    sc.period = ticks_from_us(period_us);
    sc.badge = badge;
    sc.refill_max = static_cast<uint32_t>(extra_refills + 1); // the ring this context uses
    refills_of(sc).reset(arch::timer_now(), sc.budget);
    if (t)
        make_runnable(t);
    return Status::ok();
}

Status bind_tcb(kernel::SchedContext& sc, kernel::Tcb& t) {
    if (sc.tcb || sc.notification || t.sched_context)
        return Status::illegal_operation();
    sc.tcb = &t;
    t.sched_context = &sc;
    make_runnable(&t); // if it can run now
    return Status::ok();
}

Status bind_notification(kernel::SchedContext& sc, kernel::Notification& n) {
    if (sc.tcb || sc.notification || n.sched_context)
        return Status::illegal_operation();
    sc.notification = &n;
    n.sched_context = &sc;
    return Status::ok();
}

void unbind_tcb(kernel::SchedContext& sc) {
    if (kernel::Tcb* t = sc.tcb) {
        remove(t);
        t->sched_context = nullptr;
        sc.tcb = nullptr;
    }
}

void unbind_notification(kernel::SchedContext& sc) {
    if (kernel::Notification* n = sc.notification) {
        n->sched_context = nullptr;
        sc.notification = nullptr;
    }
}

void unbind(kernel::SchedContext& sc) {
    unbind_tcb(sc);
    unbind_notification(sc);
}

uint64_t take_consumed(kernel::SchedContext& sc) {
    const uint64_t us = us_from_ticks(sc.consumed);
    sc.consumed = 0;
    return us;
}

} // namespace rampart::sched
