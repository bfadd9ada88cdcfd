// The invariant checker's part for pointers between objects (see object_invariants.hpp).
#include "object/object_invariants.hpp"

#include "kernel/phys.hpp"
#include "object/endpoint.hpp"

namespace rampart::kernel {

namespace {

// An object pointer is read only when it is aligned as its type must be.
bool aligned(const void* p, unsigned bits) {
    return p != nullptr && (reinterpret_cast<uintptr_t>(p) & lib::mask(bits)) == 0;
}

void stamp(InvariantCheck& check, const Cap& cap, void*) {
    switch (cap.type()) {
    case CapType::Tcb: {
        auto* t = phys_ptr<Tcb>(cap.paddr());
        t->check_live = check.mark(t, CheckMark::Tcb);
        break;
    }
    case CapType::SchedContext: {
        auto* sc = phys_ptr<SchedContext>(cap.paddr());
        sc->check = check.mark(sc, CheckMark::SchedContext);
        break;
    }
    case CapType::Notification: {
        auto* n = phys_ptr<Notification>(cap.paddr());
        n->check = check.mark(n, CheckMark::Notification);
        break;
    }
    case CapType::Reply: {
        auto* r = phys_ptr<Reply>(cap.paddr());
        r->check = check.mark(r, CheckMark::Reply);
        break;
    }
    default:
        break;
    }
}

bool blocked_in_ipc(ThreadState s) {
    return s == ThreadState::BlockedOnSend || s == ThreadState::BlockedOnReceive ||
           s == ThreadState::BlockedOnNotification;
}

// Walks a queue of threads blocked on `object` in `state`: each is live,
// blocked there, linked both ways, and on no other queue.
bool check_queue(InvariantCheck& check, const ThreadQueue& q, const void* object,
                 ThreadState state) {
    const Tcb* prev = nullptr;
    for (Tcb* t = q.head(); t != nullptr; prev = t, t = t->ipc_link.next) {
        if (!check.step())
            return false;
        if (!is_live(check, t))
            return check.fail("a queue holds a thread that is not live", object, t);
        if (t->ipc_link.prev != prev)
            return check.fail("a thread queue's links disagree", object, t);
        if (t->blocked_on != object || t->state != state)
            return check.fail("a queued thread is not blocked on its queue's object", object, t);
        const uint64_t queued = check.mark(t, CheckMark::TcbOnIpcQueue);
        if (t->check_ipc_queue == queued)
            return check.fail("a thread is on a queue twice, or on two queues", object, t);
        t->check_ipc_queue = queued;
    }
    if (q.tail() != prev)
        return check.fail("a thread queue's tail is not its last thread", object, q.tail());
    return true;
}

bool check_endpoint_queue(InvariantCheck& check, const Endpoint& ep) {
    switch (ep.state()) {
    case EndpointState::Idle:
        return ep.queue.empty() && ep.queue.tail() == nullptr
                   ? true
                   : check.fail("an idle endpoint has a queue", &ep);
    case EndpointState::Send:
        return !ep.queue.empty() ? check_queue(check, ep.queue, &ep, ThreadState::BlockedOnSend)
                                 : check.fail("an endpoint's queue is empty but not idle", &ep);
    case EndpointState::Receive:
        return !ep.queue.empty() ? check_queue(check, ep.queue, &ep, ThreadState::BlockedOnReceive)
                                 : check.fail("an endpoint's queue is empty but not idle", &ep);
    default:
        return check.fail("an endpoint's state is not one of its states", &ep);
    }
}

bool check_notification(InvariantCheck& check, const Notification& n) {
    switch (n.state()) {
    case NotificationState::Waiting:
        if (n.queue.empty())
            return check.fail("a waiting notification has no waiter", &n);
        if (!check_queue(check, n.queue, &n, ThreadState::BlockedOnNotification))
            return false;
        break;
    case NotificationState::Idle:
    case NotificationState::Active:
        if (!n.queue.empty() || n.queue.tail() != nullptr)
            return check.fail("a notification has waiters but is not waiting", &n);
        break;
    default:
        return check.fail("a notification's state is not one of its states", &n);
    }
    if (const Tcb* t = n.bound_tcb; t && (!is_live(check, t) || t->bound_notification != &n))
        return check.fail("a notification's bound thread is not bound to it", &n, t);
    if (const SchedContext* sc = n.sched_context;
        sc && (!is_live(check, sc) || sc->notification != &n))
        return check.fail("a notification's scheduling context is not bound to it", &n, sc);
    return true;
}

bool check_sched_context(InvariantCheck& check, const SchedContext& sc, const Cap& cap) {
    if (const Tcb* t = sc.tcb; t && (!is_live(check, t) || t->sched_context != &sc))
        return check.fail("a scheduling context's thread does not run on it", &sc, t);
    if (const Reply* r = sc.reply; r && (!is_live(check, r) || lent_context(*r) != &sc))
        return check.fail("a scheduling context's top reply does not lend it", &sc, r);
    if (const Notification* n = sc.notification;
        n && (!is_live(check, n) || n->sched_context != &sc))
        return check.fail("a scheduling context's notification is not bound to it", &sc, n);
    const unsigned capacity = sched_context_refills(cap.sched_context_size().bits);
    if (sc.refill_max > capacity)
        return check.fail("a scheduling context's refill ring is larger than the object", &sc);
    if (sc.configured() && (sc.refill_count > sc.refill_max || sc.refill_head >= sc.refill_max))
        return check.fail("a scheduling context's refill ring is out of bounds", &sc);
    return true;
}

// A reply names the thread it serves, which names it back; a reply in a
// lent context's stack has a caller, and its neighbours name it back.
bool check_reply(InvariantCheck& check, const Reply& r) {
    const Tcb* t = r.tcb;
    if (t &&
        (!is_live(check, t) || t->reply != &r ||
         (t->state != ThreadState::BlockedOnReply && t->state != ThreadState::BlockedOnReceive)))
        return check.fail("a reply's thread does not wait with it or for it", &r, t);
    if (!r.prev && !r.next)
        return true;
    if (!t || t->state != ThreadState::BlockedOnReply)
        return check.fail("a reply in a lent context's stack has no caller", &r, t);
    if (const SchedContext* sc = lent_context(r)) {
        if (!is_live(check, sc) || sc->reply != &r)
            return check.fail("a reply lends a scheduling context that does not know it", &r, sc);
        if (t->sched_context == sc)
            return check.fail("a caller holds the context it lent", &r, sc);
    } else if (const Reply* above = newer_reply(r);
               above && (!is_live(check, above) || above->prev != &r)) {
        return check.fail("a reply's newer neighbour in its stack does not name it", &r, above);
    }
    if (const Reply* below = r.prev;
        below && (!is_live(check, below) || below->next != reinterpret_cast<uintptr_t>(&r)))
        return check.fail("a reply's older neighbour in its stack does not name it", &r, below);
    return true;
}

bool check_tcb(InvariantCheck& check, const Tcb& t) {
    if (t.state > ThreadState::Idle)
        return check.fail("a thread's state is not one of its states", &t);
    if (t.fault != FaultType::None &&
        (t.state == ThreadState::Running || t.state == ThreadState::Restart))
        return check.fail("a runnable thread still carries a fault", &t);
    if (const SchedContext* sc = t.sched_context; sc && (!is_live(check, sc) || sc->tcb != &t))
        return check.fail("a thread's scheduling context is not bound to it", &t, sc);
    if (const Notification* n = t.bound_notification;
        n && (!is_live(check, n) || n->bound_tcb != &t))
        return check.fail("a thread's bound notification is not bound to it", &t, n);
    const bool queued = t.check_ipc_queue == check.mark(&t, CheckMark::TcbOnIpcQueue);
    if (queued != blocked_in_ipc(t.state))
        return check.fail(queued ? "a thread on an IPC queue is not blocked in IPC"
                                 : "a thread blocked in IPC is not on its object's queue",
                          &t, t.blocked_on);
    if (!queued && t.blocked_on)
        return check.fail("a thread not blocked in IPC points at an object it waits on", &t,
                          t.blocked_on);
    const Reply* r = t.reply;
    switch (t.state) {
    case ThreadState::BlockedOnReply:
        if (!r || !is_live(check, r) || r->tcb != &t)
            return check.fail("a thread waits for a reply that does not lead back to it", &t, r);
        return true;
    case ThreadState::BlockedOnReceive:
        if (r && !is_live(check, r))
            return check.fail("a receiver waits with a reply object that is not live", &t, r);
        if (r && r->tcb != &t)
            return check.fail("a receiver's reply object serves another thread", &t, r);
        return true;
    default:
        return r ? check.fail("a thread that waits for no reply points at a reply object", &t, r)
                 : true;
    }
}

void check_object(InvariantCheck& check, const Cap& cap, void* pass) {
    const bool queues = pass != nullptr;
    switch (cap.type()) {
    case CapType::Endpoint:
        if (queues)
            (void)check_endpoint_queue(check, *phys_ptr<const Endpoint>(cap.paddr()));
        break;
    case CapType::Notification:
        if (queues)
            (void)check_notification(check, *phys_ptr<const Notification>(cap.paddr()));
        break;
    case CapType::Tcb:
        if (!queues)
            (void)check_tcb(check, *phys_ptr<const Tcb>(cap.paddr()));
        break;
    case CapType::SchedContext:
        if (!queues)
            (void)check_sched_context(check, *phys_ptr<const SchedContext>(cap.paddr()), cap);
        break;
    case CapType::Reply:
        if (!queues)
            (void)check_reply(check, *phys_ptr<const Reply>(cap.paddr()));
        break;
    default:
        break;
    }
}

} // namespace

bool is_live(const InvariantCheck& check, const Tcb* p) {
    return aligned(p, RAMPART_TCB_BITS) && p->check_live == check.mark(p, CheckMark::Tcb);
}
bool is_live(const InvariantCheck& check, const SchedContext* p) {
    return aligned(p, RAMPART_SCHED_CONTEXT_MIN_BITS) &&
           p->check == check.mark(p, CheckMark::SchedContext);
}
bool is_live(const InvariantCheck& check, const Notification* p) {
    return aligned(p, RAMPART_NOTIFICATION_BITS) &&
           p->check == check.mark(p, CheckMark::Notification);
}
bool is_live(const InvariantCheck& check, const Reply* p) {
    return aligned(p, RAMPART_REPLY_BITS) && p->check == check.mark(p, CheckMark::Reply);
}

bool stamp_objects(InvariantCheck& check) {
    return for_each_object(check,
                           type_bit(CapType::Tcb) | type_bit(CapType::SchedContext) |
                               type_bit(CapType::Notification) | type_bit(CapType::Reply),
                           stamp, nullptr);
}

bool check_objects(InvariantCheck& check) {
    // The queues first: they mark the threads found on them.
    int queues = 1;
    return for_each_object(check, type_bit(CapType::Endpoint) | type_bit(CapType::Notification),
                           check_object, &queues) &&
           for_each_object(check,
                           type_bit(CapType::Tcb) | type_bit(CapType::SchedContext) |
                               type_bit(CapType::Reply),
                           check_object, nullptr);
}

} // namespace rampart::kernel
