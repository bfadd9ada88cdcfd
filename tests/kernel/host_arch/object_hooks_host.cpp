// Host backend of the thread, IPC and scheduling finalisation hooks: the
// kernel's versions live with the scheduler and IPC code (kernel/src/thread,
// kernel/src/ipc), which the host tests of the capability core do not build.
// These do the object-local part: reset the state the object holds.
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
    ep = Endpoint{};
}
void notification_finalise(Notification& n) {
    n = Notification{};
}
void reply_finalise(Reply& r) {
    r = Reply{};
}
void sched_context_finalise(SchedContext& sc) {
    sc.tcb = 0;
}
void irq_handler_finalise(uint64_t) {}

} // namespace rampart::kernel
