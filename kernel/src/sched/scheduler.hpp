// The scheduler: fixed priorities with O(1) ready queues per domain; the
// running thread is not queued. Budgets and domain time slices (MCS) build
// on the same queues.
#pragma once

#include "arch/context.hpp"
#include "kernel/invariants.hpp"
#include "object/tcb.hpp"

#include <rampart/domains.h>

namespace rampart::sched {

inline constexpr unsigned domain_count = RAMPART_DOMAIN_COUNT;

// Queues a runnable thread (Running or Restart; not the current one) on the
// ready queue, or on the release queue until its budget comes back.
void make_runnable(kernel::Tcb* t);
// Takes a thread off the ready queues (it blocked, stopped or is being deleted).
void remove(kernel::Tcb* t);
// Asks for a round-robin switch at the next return to user mode.
void timeslice_expired();
// A context is being deleted: stop charging it.
void forget_context(kernel::SchedContext& sc);
// Charges the running context now (before reporting its consumed time).
void charge_running();
// The scheduling timer fired (a budget ended or a refill is due).
void timer_fired();
// No ready thread outranks t, and no round-robin switch is due: t may run next directly.
bool may_run_next(const kernel::Tcb& t);

// Starts scheduling with the first thread (the root task) at boot, under the
// image's domain schedule (no slots: domain 0 always).
void start(kernel::Tcb* first, const rampart_domain_schedule& schedule);

// The invariant checker's part (kernel/invariants.hpp), with the objects
// stamped: every thread on a ready queue or the release queue is live,
// runnable, queued where its domain, priority and budget say and marked so,
// once; the queue bitmaps agree with the queues; the release queue is in
// release order; the current thread is live, runnable and not queued, and
// its scheduling context is the one being charged.
bool check_invariants(kernel::InvariantCheck& check);

// The thread to return to: the current one if it may go on, otherwise the
// highest-priority ready thread (idling until one exists). Switches address
// spaces as needed.
arch::UserContext* choose_and_switch();

} // namespace rampart::sched
