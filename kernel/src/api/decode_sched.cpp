// SchedControl and SchedContext invocations (MCS).
#include "api/invocation.hpp"
#include "kernel/phys.hpp"
#include "sched/sched_context_ops.hpp"
#include "sched/scheduler.hpp"

#include <rampart/invocations.h>

namespace rampart::api {

using kernel::CapType;
using kernel::Status;

Status decode_sched_control(const Invocation& inv, Results&, kernel::Budget&) {
    if (inv.label != RAMPART_SCHED_CONTROL_CONFIGURE_FLAGS)
        return Status::illegal_operation();
    if (!inv.has(5, 1))
        return Status::truncated_message();
    const kernel::Cap& c = inv.extra[0]->cap;
    if (c.type() != CapType::SchedContext)
        return Status::invalid_capability(1);
    auto& sc = *kernel::phys_ptr<kernel::SchedContext>(c.paddr());
    return sched::configure(sc, kernel::sched_context_refills(c.sched_context_size().bits),
                            inv.arg(0), inv.arg(1), inv.arg(2), inv.arg(3));
}

Status decode_sched_context(const Invocation& inv, Results& out, kernel::Budget&) {
    auto& sc = *kernel::phys_ptr<kernel::SchedContext>(inv.cap.paddr());
    switch (inv.label) {
    case RAMPART_SCHED_CONTEXT_BIND: {
        if (!inv.has(0, 1))
            return Status::truncated_message();
        const kernel::Cap& c = inv.extra[0]->cap;
        if (c.type() == CapType::Tcb)
            return sched::bind_tcb(sc, *kernel::phys_ptr<kernel::Tcb>(c.paddr()));
        if (c.type() == CapType::Notification)
            return sched::bind_notification(sc, *kernel::phys_ptr<kernel::Notification>(c.paddr()));
        return Status::invalid_capability(1);
    }
    case RAMPART_SCHED_CONTEXT_UNBIND:
        if (sc.tcb == &inv.thread) // a thread cannot give its own time away (seL4)
            return Status::illegal_operation();
        sched::unbind(sc);
        return Status::ok();
    case RAMPART_SCHED_CONTEXT_UNBIND_OBJECT: {
        if (!inv.has(0, 1))
            return Status::truncated_message();
        const kernel::Cap& c = inv.extra[0]->cap;
        if (c.type() == CapType::Tcb) {
            if (sc.tcb != kernel::phys_ptr<kernel::Tcb>(c.paddr()) || sc.tcb == &inv.thread)
                return Status::illegal_operation();
            sched::unbind_tcb(sc);
            return Status::ok();
        }
        if (c.type() == CapType::Notification) {
            if (sc.notification != kernel::phys_ptr<kernel::Notification>(c.paddr()))
                return Status::illegal_operation();
            sched::unbind_notification(sc);
            return Status::ok();
        }
        return Status::invalid_capability(1);
    }
    case RAMPART_SCHED_CONTEXT_CONSUMED:
        sched::charge_running();
        out.push(sched::take_consumed(sc));
        return Status::ok();
    case RAMPART_SCHED_CONTEXT_YIELD_TO: {
        if (!sc.tcb)
            return Status::illegal_operation();
        kernel::Tcb* t = sc.tcb;
        if (t == &inv.thread || t->priority > inv.thread.mc_priority)
            return Status::illegal_operation();
        sched::charge_running();
        out.push(sched::take_consumed(sc));
        sched::timeslice_expired(); // the caller gives way; t competes at its priority
        return Status::ok();
    }
    default:
        return Status::illegal_operation();
    }
}

} // namespace rampart::api
