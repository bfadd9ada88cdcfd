// Finalisation hooks of the thread, IPC and scheduling objects. The generic
// capability core calls them when the last cap to an object goes; the parts
// that own threads, IPC and scheduling fill them in.
#include "object/endpoint.hpp"
#include "object/irq.hpp"
#include "object/notification.hpp"
#include "object/reply.hpp"
#include "object/sched_context.hpp"
#include "object/tcb.hpp"

namespace rampart::kernel {

void tcb_finalise(Tcb& tcb) {
    tcb.state = ThreadState::Inactive;
    tcb.sched_context = nullptr;
    tcb.bound_notification = nullptr;
}

void endpoint_cancel_all(Endpoint& ep) {
    ep.queue_head = 0;
    ep.queue_tail_state = 0;
}

void notification_finalise(Notification& ntfn) {
    ntfn.bound_tcb = 0;
    ntfn.sched_context = 0;
    ntfn.queue_head = 0;
    ntfn.queue_tail_state = 0;
}

void reply_finalise(Reply& reply) {
    reply.tcb = 0;
    reply.prev = 0;
    reply.next = 0;
}

void sched_context_finalise(SchedContext& sc) {
    sc.tcb = 0;
}

void irq_handler_finalise(uint64_t /*irq*/) {}

} // namespace rampart::kernel
