// Thread queues through the TCBs' ipc_link.
#include "object/thread_queue.hpp"

#include "object/tcb.hpp"

namespace rampart::kernel {

void ThreadQueue::append(Tcb* t) {
    Tcb* last = tail();
    t->ipc_link.prev = last;
    t->ipc_link.next = nullptr;
    if (last)
        last->ipc_link.next = t;
    else
        head_ = t;
    set_tail(t);
}

void ThreadQueue::remove(Tcb* t) {
    if (t->ipc_link.prev)
        t->ipc_link.prev->ipc_link.next = t->ipc_link.next;
    else
        head_ = t->ipc_link.next;
    if (t->ipc_link.next)
        t->ipc_link.next->ipc_link.prev = t->ipc_link.prev;
    else
        set_tail(t->ipc_link.prev);
    t->ipc_link.prev = t->ipc_link.next = nullptr;
}

Tcb* ThreadQueue::pop_front() {
    Tcb* t = head_;
    if (t)
        remove(t);
    return t;
}

} // namespace rampart::kernel
