// Thread queues through the TCBs' ipc_link.
#include "object/thread_queue.hpp"

#include "object/tcb.hpp"

namespace rampart::kernel {

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

} // namespace rampart::kernel
