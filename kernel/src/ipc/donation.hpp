// Reply objects and scheduling-context donation over calls (MCS), after
// seL4's reply_push / reply_pop / reply_remove. A reply names the one thread
// it serves (a receiver waiting with it, or a caller waiting on it) and that
// thread names the reply. A passive callee runs on its caller's context; the
// context keeps the replies it was lent through as a stack (Reply::prev and
// next, SchedContext::reply at the top), so it goes back one call at a time,
// and a reply or context deleted in the middle breaks the stack there.
// Inline: both the IPC slow path and the fastpath use them.
#pragma once

#include "object/reply.hpp"
#include "object/sched_context.hpp"
#include "object/tcb.hpp"
#include "sched/scheduler.hpp"

namespace rampart::ipc {

using kernel::Reply;
using kernel::SchedContext;
using kernel::Tcb;

using kernel::lent_context;
using kernel::newer_reply;
using kernel::top_of_stack;

// `t` runs on `sc` from now on; the thread that had it stops running on it.
[[gnu::always_inline]] inline void give_context(SchedContext& sc, Tcb& t) {
    if (Tcb* from = sc.tcb) {
        if (from->in_ready_queue || from->in_release_queue)
            sched::remove(from);
        from->sched_context = nullptr;
    }
    sc.tcb = &t;
    t.sched_context = &sc;
}

// A receiver waits with `r`.
[[gnu::always_inline]] inline void reply_wait(Reply& r, Tcb& receiver) {
    r.tcb = &receiver;
    receiver.reply = &r;
}

// The thread `r` serves no longer has anything to do with it.
[[gnu::always_inline]] inline void reply_unlink(Reply& r, Tcb& t) {
    r.tcb = nullptr;
    t.reply = nullptr;
}

// The caller waits on `r` for the callee's answer. A passive callee runs on
// the caller's context, which is lent through `r`: `r` goes on top of its stack.
[[gnu::always_inline]] inline void reply_push(Tcb& caller, Tcb& callee, Reply& r, bool can_donate) {
    r.tcb = &caller;
    caller.reply = &r;
    caller.state = kernel::ThreadState::BlockedOnReply;
    SchedContext* sc = caller.sched_context;
    if (!sc || callee.sched_context || !can_donate)
        return;
    if (Reply* below = sc->reply)
        below->next = reinterpret_cast<uintptr_t>(&r);
    r.prev = sc->reply;
    r.next = reinterpret_cast<uintptr_t>(sc) | top_of_stack;
    sc->reply = &r;
    sc->tcb = &callee;
    callee.sched_context = sc;
    caller.sched_context = nullptr;
}

// `r` leaves its stack and nothing goes back through it: the stack breaks
// there (the reply above forgets it, the one below lends no further).
[[gnu::always_inline]] inline void break_stack_at(Reply& r) {
    if (Reply* above = newer_reply(r))
        above->prev = nullptr;
    if (r.prev)
        r.prev->next = 0;
    r.prev = nullptr;
    r.next = 0;
}

// `r` leaves its stack and its caller: the context at the top goes back to
// the caller, unless the caller got a context of its own meanwhile (seL4's
// reply_pop); from lower in the stack nothing goes back and the stack breaks
// there. The caller's state is left to the caller of this.
[[gnu::always_inline]] inline void reply_remove(Reply& r, Tcb& caller) {
    if (r.next != 0 || r.prev != nullptr) { // in a stack (not so for active servers)
        if (SchedContext* sc = lent_context(r)) {
            sc->reply = r.prev;
            if (r.prev)
                r.prev->next = reinterpret_cast<uintptr_t>(sc) | top_of_stack;
            if (!caller.sched_context)
                give_context(*sc, caller);
            r.prev = nullptr;
            r.next = 0;
        } else {
            break_stack_at(r);
        }
    }
    reply_unlink(r, caller);
}

// The caller stops waiting on its reply without an answer (cancelled,
// suspended, deleted): the context lent through it stays where it runs, and
// the stack breaks at the reply (seL4's reply_remove_tcb).
inline void reply_abandon(Tcb& caller) {
    Reply& r = *caller.reply;
    if (SchedContext* sc = lent_context(r))
        sc->reply = nullptr; // then no reply is above r
    break_stack_at(r);
    reply_unlink(r, caller);
}

// The context is going away: the stack of replies it was lent through forgets it.
inline void forget_lent_context(SchedContext& sc) {
    if (Reply* top = sc.reply)
        top->next = 0;
    sc.reply = nullptr;
}

} // namespace rampart::ipc
