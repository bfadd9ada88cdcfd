// Notifications: a word of badge bits OR-ed by signals, taken by a wait.
#include "ipc/ipc.hpp"

#include "api/message.hpp"
#include "kernel/phys.hpp"
#include "object/sched_context.hpp"
#include "sched/scheduler.hpp"

namespace rampart::ipc {
namespace {

using kernel::NotificationState;
using kernel::ThreadState;

void set_state(Notification& n, NotificationState s) {
    n.queue.set_tag(static_cast<unsigned>(s));
}

// A signal arrives as a message of no words whose badge is the signal bits.
void deliver_signal(Tcb& t, uint64_t bits) {
    t.context.set_badge(bits);
    t.context.set_info(0);
    t.state = ThreadState::Running;
    t.blocked_on = nullptr;
    sched::make_runnable(&t);
}

// A passive thread (no context of its own) runs a signal on the context bound
// to the notification (MCS).
void lend_context(Notification& n, Tcb& t) {
    if (!t.sched_context && n.sched_context && !n.sched_context->tcb) {
        t.sched_context = n.sched_context;
        n.sched_context->tcb = &t;
    }
}

} // namespace

void return_lent_context(Tcb& t, Notification& n) {
    if (t.sched_context && t.sched_context == n.sched_context) {
        t.sched_context->tcb = nullptr;
        t.sched_context = nullptr;
    }
}

void signal(Notification& n, uint64_t badge) {
    Tcb* bound = n.bound_tcb;
    if (n.state() != NotificationState::Waiting && bound &&
        bound->state == ThreadState::BlockedOnReceive) {
        // The bound thread waits on an endpoint: the signal wakes it instead,
        // a passive one on the notification's context.
        cancel(*bound);
        lend_context(n, *bound);
        deliver_signal(*bound, badge | (n.state() == NotificationState::Active ? n.word : 0));
        n.word = 0;
        set_state(n, NotificationState::Idle);
        return;
    }
    if (n.state() == NotificationState::Waiting) {
        Tcb& t = *n.queue.pop_front();
        if (n.queue.empty())
            set_state(n, NotificationState::Idle);
        lend_context(n, t);
        deliver_signal(t, badge);
        return;
    }
    n.word |= badge;
    set_state(n, NotificationState::Active);
}

void wait(Tcb& t, Notification& n, bool blocking) {
    if (n.state() == NotificationState::Active) {
        // Taken at once: a passive thread (on a donated context, or none) goes on
        // running, on the notification's context if it has none.
        t.context.set_badge(n.word);
        t.context.set_info(0);
        n.word = 0;
        set_state(n, NotificationState::Idle);
        lend_context(n, t);
        return;
    }
    if (!blocking) {
        t.context.set_badge(0);
        t.context.set_info(0);
        return;
    }
    // A passive thread waits again: the lent context goes home to the notification.
    return_lent_context(t, n);
    t.state = ThreadState::BlockedOnNotification;
    t.blocked_on = &n;
    if (t.in_ready_queue || t.in_release_queue) // not when it was running, as usual
        sched::remove(&t);
    n.queue.append(&t);
    set_state(n, NotificationState::Waiting);
}

void bind_notification(Tcb& t, Notification& n) {
    t.bound_notification = &n;
    n.bound_tcb = &t;
}

void unbind_notification(Tcb& t) {
    if (Notification* n = t.bound_notification)
        n->bound_tcb = nullptr;
    t.bound_notification = nullptr;
}

} // namespace rampart::ipc

namespace rampart::kernel {

void notification_finalise(Notification& n) {
    ipc::restart_all(n.queue);
    if (n.bound_tcb)
        ipc::unbind_notification(*n.bound_tcb);
    if (SchedContext* sc =
            n.sched_context) // it may be bound again (seL4's schedContext_unbindNtfn)
        sc->notification = nullptr;
    n.sched_context = nullptr;
    n.word = 0;
}

} // namespace rampart::kernel
