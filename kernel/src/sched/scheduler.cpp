// Choosing the next thread and switching to it, with MCS budgets: a thread
// runs only on a configured scheduling context with budget left; the running
// context is charged at every switch, and the timer fires when its budget
// ends or when a waiting context's refill comes due.
#include "sched/scheduler.hpp"

#include "arch/machine.hpp"
#include "arch/timer.hpp"
#include "arch/vspace.hpp"
#include "ipc/fault.hpp"
#include "irq/interrupt.hpp"
#include "kernel/phys.hpp"
#include "object/object_invariants.hpp"
#include "sched/charging.hpp"
#include "sched/ready_queues.hpp"
#include "sched/sched_context_ops.hpp"
#include "thread/current.hpp"
#include "thread/fpu.hpp"

namespace rampart::sched {

Charging charging;

namespace {

using kernel::SchedContext;
using kernel::Tcb;
using kernel::ThreadState;

ReadyQueues<Tcb, &Tcb::sched_link, domain_count> ready;
lib::IntrusiveList<Tcb, &Tcb::sched_link> release_queue; // ordered by refill release
unsigned domain;
rampart_domain_schedule schedule; // static, from the boot image
uint32_t slot_index;
uint64_t slot_end; // when the current domain's slot ends (schedule.count > 0)
bool rotate;
bool deadline_passed; // the timer fired: charge, release and choose afresh
SchedContext*& running_sc = charging.running_sc;
uint64_t& charged_until = charging.since;

bool runnable(const Tcb* t) {
    return t && (t->state == ThreadState::Running || t->state == ThreadState::Restart);
}

bool has_budget(Tcb* t, uint64_t now) {
    SchedContext* sc = t->sched_context;
    return sc && sc->configured() && refills_of(*sc).ready(now);
}

uint64_t release_of(Tcb* t) {
    return refills_of(*t->sched_context).head().release_time;
}

void enqueue_release(Tcb* t) {
    Tcb* at = release_queue.front();
    while (at && release_of(at) <= release_of(t))
        at = decltype(release_queue)::next(at);
    if (at)
        release_queue.insert_before(at, t);
    else
        release_queue.push_back(t);
    t->in_release_queue = true;
    // Its release may come before the deadline armed (also when the current
    // thread goes on without a switch, which leaves the timer as it is).
    if (release_of(t) < charging.deadline)
        set_deadline(release_of(t));
}

void enqueue(Tcb* t, uint64_t now) {
    if (has_budget(t, now)) {
        ready.append(t, t->domain, t->priority);
        t->in_ready_queue = true;
    } else if (t->sched_context && t->sched_context->configured()) {
        enqueue_release(t);
    } // without a context (passive) it waits for one
}

// Charges the running context for the time since it was last charged.
void charge_current(uint64_t now) {
    const uint64_t used = now - charged_until;
    charged_until = now;
    if (!running_sc || !running_sc->configured())
        return;
    SchedContext& sc = *running_sc;
    // Round robin: the slice shrinks as it is used (the ring holds one
    // refill: every reset leaves one); a used-up slice comes back whole at
    // once, and the thread goes to the end of its queue.
    if (shrink_slice(sc, used))
        return;
    sc.consumed += used;
    if (sc.budget == sc.period) {
        refills_of(sc).reset(now, sc.budget);
        rotate = true;
        return;
    }
    refills_of(sc).charge(used, sc.period);
}

} // namespace

void charge_blocked(uint64_t now) {
    charge_current(now);
    rotate = false; // its thread no longer runs: nothing to rotate
}

void unblock_refills(SchedContext& sc, uint64_t now) {
    refills_of(sc).unblock(now);
}

namespace {

void release_due(uint64_t now) {
    while (Tcb* t = release_queue.front()) {
        if (release_of(t) > now)
            break;
        release_queue.remove(t);
        t->in_release_queue = false;
        ready.append(t, t->domain, t->priority);
        t->in_ready_queue = true;
    }
}

// Moves to the next slot(s) of the domain schedule once the current one is over.
void advance_domain(uint64_t now) {
    if (schedule.count == 0 || now < slot_end)
        return;
    do {
        slot_index = (slot_index + 1) % schedule.count;
        slot_end += ticks_from_us(schedule.slots[slot_index].duration_us);
    } while (slot_end <= now);
    domain = schedule.slots[slot_index].domain;
}

// The deadline for running `cur` (none: idle) from `now`: the end of its
// budget, the next release or the end of the domain's slot.
void program_timer(Tcb* cur, uint64_t now) {
    uint64_t deadline = schedule.count ? slot_end : ~uint64_t{0};
    if (cur && cur->sched_context && now + refills_of(*cur->sched_context).head().amount < deadline)
        deadline = now + refills_of(*cur->sched_context).head().amount;
    if (Tcb* next = release_queue.front(); next && release_of(next) < deadline)
        deadline = release_of(next);
    if (deadline != ~uint64_t{0})
        set_deadline(deadline);
}

void switch_address_space(Tcb* t) {
    // Its address space, if its ASID still names it; otherwise every access faults.
    arch::vspace_activate_for(t->slot(kernel::TcbSlot::VSpace).cap);
    arch::load_read_only_thread_id(t->context.read_only_thread_id());
    thread::fpu_switch_to(t);
}

} // namespace

void make_runnable(Tcb* t) {
    if (!runnable(t) || t->in_ready_queue || t->in_release_queue || t == thread::current())
        return;
    SchedContext* sc = t->sched_context;
    if (!sc || !sc->configured())
        return; // passive: it waits for a context
    const uint64_t now = arch::timer_now();
    wake_refills(*sc, now);
    if (sc->refills()[sc->refill_head].release_time <= now) {
        ready.append(t, t->domain, t->priority);
        t->in_ready_queue = true;
    } else {
        enqueue_release(t);
    }
}

void remove(Tcb* t) {
    if (t->in_ready_queue) {
        ready.remove(t, t->domain, t->priority);
        t->in_ready_queue = false;
    }
    if (t->in_release_queue) {
        release_queue.remove(t);
        t->in_release_queue = false;
    }
}

void timeslice_expired() {
    rotate = true;
}

void charge_running() {
    charge_current(arch::timer_now());
    if (Tcb* cur = thread::current(); cur && !has_budget(cur, charged_until))
        deadline_passed = true; // out of budget: choose afresh on the way out
}
void timer_fired() {
    deadline_passed = true;
    charging.deadline = ~uint64_t{0}; // it fired and was silenced: arm it again
}
void forget_context(SchedContext& sc) {
    if (running_sc == &sc) {
        running_sc = nullptr;
        deadline_passed = true; // choose again on the way out
    }
}

bool may_run_next(const Tcb& t) {
    return !rotate && (ready.empty(domain) || ready.highest_priority(domain) <= t.priority);
}

void start(Tcb* first, const rampart_domain_schedule& domains) {
    charged_until = arch::timer_now();
    schedule = domains;
    if (schedule.count > RAMPART_MAX_DOMAIN_SLOTS)
        schedule.count = 0;
    if (schedule.count) {
        domain = schedule.slots[0].domain;
        slot_end = charged_until + ticks_from_us(schedule.slots[0].duration_us);
    }
    running_sc = first->sched_context;
    thread::set_current(first);
    switch_address_space(first);
    program_timer(first, charged_until);
}

namespace {

// Runs `next` (off the queues) from now on. Inline in the two common switches.
[[gnu::always_inline]] inline arch::UserContext* run(Tcb* next, uint64_t now) {
    if (next != thread::current()) {
        switch_address_space(next);
        thread::set_current(next);
    }
    rotate = false;
    next->state = ThreadState::Running;
    running_sc = next->sched_context;
    program_timer(next, now);
    return &next->context;
}

[[gnu::noinline]] arch::UserContext* run_out_of_line(Tcb* next, uint64_t now) {
    return run(next, now);
}

// The current thread may not simply go on: charge it and choose afresh.
// Out of line, so the common case in choose_and_switch saves no registers.
[[gnu::noinline]] arch::UserContext* reschedule(Tcb* cur) {
    deadline_passed = false;
    uint64_t now = arch::timer_now();
    charge_current(now);
    advance_domain(now);
    release_due(now);
    if (!runnable(cur)) {
        // The current thread blocked (the usual way here): nothing to requeue
        // or fault, the domain's highest ready thread runs.
        if (Tcb* next = ready.pop_highest(domain)) {
            next->in_ready_queue = false;
            return run(next, now);
        }
    } else if (cur->domain == domain && has_budget(cur, now)) {
        // It may run on (a yield, a wake-up, a refill): it goes on unless outranked.
        if (ready.empty(domain) || (rotate ? ready.highest_priority(domain) < cur->priority
                                           : ready.highest_priority(domain) <= cur->priority)) {
            rotate = false;
            cur->state = ThreadState::Running;
            running_sc = cur->sched_context;
            program_timer(cur, now);
            return &cur->context;
        }
        if (!cur->in_ready_queue && !cur->in_release_queue)
            enqueue(cur, now);
        Tcb* next = ready.pop_highest(domain);
        next->in_ready_queue = false;
        return run(next, now);
    }
    for (;;) {
        const bool cur_ok = runnable(cur) && cur->domain == domain && has_budget(cur, now);
        const bool outranked =
            !ready.empty(domain) && (rotate ? ready.highest_priority(domain) >= cur->priority
                                            : ready.highest_priority(domain) > cur->priority);
        if (cur_ok && !outranked)
            break;
        if (cur && runnable(cur) && cur->domain == domain && !has_budget(cur, now) &&
            ipc::send_timeout_fault(*cur)) {
            // Its timeout handler decides; the thread waits for the reply.
        } else if (cur && runnable(cur) && !cur->in_ready_queue && !cur->in_release_queue) {
            enqueue(cur, now); // preempted, rotated, or out of budget
        }
        Tcb* next = ready.highest(domain);
        if (!next) {
            thread::set_current(nullptr);
            running_sc = nullptr;
            cur = nullptr;
            program_timer(nullptr, now);
            // Nothing can run: wait for an interrupt (a release, a device, a signal).
            arch::machine_idle();
            irq::handle_pending_interrupts();
            now = arch::timer_now();
            charged_until = now;
            advance_domain(now);
            release_due(now);
            cur = ready.highest(domain);
            if (!cur)
                continue;
            next = cur;
        }
        remove(next);
        return run_out_of_line(next, now);
    }
    return run_out_of_line(cur, now);
}

} // namespace

arch::UserContext* choose_and_switch() {
    Tcb* cur = thread::current();
    // Common case: the same thread on the same context goes on. Its charge
    // can wait until it stops; the timer still fires at its budget's end. A
    // thread whose context changed (it gave it away, or got one by a call or
    // a signal) is charged and chosen afresh, like seL4's switchSchedContext.
    if (!deadline_passed && !rotate && runnable(cur) && cur->sched_context == running_sc &&
        cur->domain == domain &&
        (ready.empty(domain) || ready.highest_priority(domain) <= cur->priority)) {
        cur->state = ThreadState::Running;
        return &cur->context;
    }
    return reschedule(cur);
}

namespace {

// One thread found on a scheduler queue: live, runnable, marked once.
bool check_queued(kernel::InvariantCheck& check, Tcb* t, const Tcb* prev, const void* queue) {
    if (!check.step())
        return false;
    if (!kernel::is_live(check, t))
        return check.fail("a scheduler queue holds a thread that is not live", queue, t);
    if (t->sched_link.prev != prev)
        return check.fail("a scheduler queue's links disagree", queue, t);
    if (!runnable(t) || !t->sched_context || !t->sched_context->configured())
        return check.fail("a queued thread cannot run", queue, t);
    const uint64_t mark = check.mark(t, kernel::CheckMark::TcbOnSchedQueue);
    if (t->check_sched_queue == mark)
        return check.fail("a thread is on the scheduler's queues twice", queue, t);
    t->check_sched_queue = mark;
    return true;
}

// Every live thread's flags say where the walk found it, and every thread
// that can run (on a configured context) is found, or is the current one.
void check_flags(kernel::InvariantCheck& check, const kernel::Cap& cap, void*) {
    if (cap.type() != kernel::CapType::Tcb)
        return;
    Tcb* t = kernel::phys_ptr<Tcb>(cap.paddr());
    const bool queued = t->check_sched_queue == check.mark(t, kernel::CheckMark::TcbOnSchedQueue);
    if (queued != (t->in_ready_queue || t->in_release_queue))
        (void)check.fail(queued ? "a thread on a scheduler queue is not flagged as queued"
                                : "a thread flagged as queued is on no scheduler queue",
                         t);
    else if (!queued && runnable(t) && t->sched_context && t->sched_context->configured() &&
             t != thread::current())
        (void)check.fail("a runnable thread with a context is on no scheduler queue", t);
}

// An unmarked queue that is not empty (found by unmarked_queues_empty): which one, and how.
bool fail_unmarked_queue(kernel::InvariantCheck& check, unsigned d) {
    for (unsigned p = 0; p < priority_count; ++p) {
        const auto& q = ready.at(d, p);
        if (ready.marked(d, p))
            continue;
        if (!q.empty())
            return check.fail("a ready-queue bitmap disagrees with its queue", &q);
        if (q.back() != nullptr)
            return check.fail("a ready queue's tail is not its last thread", &q, q.back());
    }
    return check.fail("a ready-queue bitmap disagrees with its queue", &ready);
}

// One marked ready queue: not empty, and each thread on it belongs there.
bool check_ready_queue(kernel::InvariantCheck& check, unsigned d, unsigned p) {
    const auto& q = ready.at(d, p);
    if (q.empty())
        return check.fail("a ready-queue bitmap disagrees with its queue", &q);
    const Tcb* prev = nullptr;
    for (Tcb* t = q.front(); t != nullptr; prev = t, t = decltype(ready)::Queue::next(t)) {
        if (!check_queued(check, t, prev, &q))
            return false;
        if (!t->in_ready_queue || t->in_release_queue || t->domain != d || t->priority != p)
            return check.fail("a thread is on a ready queue it does not belong to", &q, t);
    }
    if (q.back() != prev)
        return check.fail("a ready queue's tail is not its last thread", &q, q.back());
    return true;
}

// The ready queues: the two bitmap levels agree, the unmarked queues are
// empty, and the marked ones (found through the bitmap) are walked.
bool check_ready_queues(kernel::InvariantCheck& check) {
    for (unsigned d = 0; d < domain_count; ++d) {
        if (!ready.top_consistent(d))
            return check.fail("a ready-queue bitmap's levels disagree", &ready);
        if (!ready.unmarked_queues_empty(d))
            return fail_unmarked_queue(check, d);
        for (unsigned w = 0; w < bitmap_words; ++w)
            for (uint64_t m = ready.marked_word(d, w); m != 0; m &= m - 1)
                if (!check_ready_queue(check, d, w * 64 + lib::ctz(m)))
                    return false;
    }
    return true;
}

} // namespace

bool check_invariants(kernel::InvariantCheck& check) {
    if (!check_ready_queues(check))
        return false;
    const Tcb* prev = nullptr;
    for (Tcb* t = release_queue.front(); t != nullptr;
         prev = t, t = decltype(release_queue)::next(t)) {
        if (!check_queued(check, t, prev, &release_queue))
            return false;
        if (!t->in_release_queue || t->in_ready_queue)
            return check.fail("a thread on the release queue is not flagged so", &release_queue, t);
        if (prev && release_of(const_cast<Tcb*>(prev)) > release_of(t))
            return check.fail("the release queue is out of release order", &release_queue, t);
    }
    if (release_queue.back() != prev)
        return check.fail("the release queue's tail is not its last thread", &release_queue);
    if (!kernel::for_each_object(check, kernel::type_bit(kernel::CapType::Tcb), check_flags, nullptr))
        return false;
    const Tcb* cur = thread::current();
    if (cur && !kernel::is_live(check, cur))
        return check.fail("the current thread is not live", cur);
    if (cur && (cur->in_ready_queue || cur->in_release_queue))
        return check.fail("the current thread is queued", cur);
    if (running_sc != (cur ? cur->sched_context : nullptr))
        return check.fail("the context charged is not the current thread's", cur, running_sc);
    if (thread::fpu_owner && !kernel::is_live(check, thread::fpu_owner))
        return check.fail("the FP registers belong to a thread that is not live",
                          thread::fpu_owner);
    return true;
}

} // namespace rampart::sched
