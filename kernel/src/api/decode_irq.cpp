// IRQControl and IRQHandler invocations (arguments in kernel/include/rampart/invocations.h).
#include "api/invocation.hpp"
#include "irq/irq_state.hpp"
#include "kernel/cspace.hpp"

#include <rampart/invocations.h>

namespace rampart::api {

using kernel::Status;

Status decode_irq_control(const Invocation& inv, Results&, kernel::Budget&) {
    const bool with_trigger = inv.label == RAMPART_IRQ_ISSUE_IRQ_HANDLER_TRIGGER;
    if (inv.label != RAMPART_IRQ_ISSUE_IRQ_HANDLER && !with_trigger)
        return Status::illegal_operation();
    const unsigned base = with_trigger ? 2 : 1;
    if (!inv.has(base + 2, 1))
        return Status::truncated_message();
    kernel::Slot* dest = nullptr;
    if (const Status s = kernel::lookup_slot_for_cnode_op(
            false, inv.extra[0]->cap, kernel::CPtr{inv.arg(base)}, inv.arg(base + 1), dest);
        !s.is_ok())
        return s;
    return irq::issue_handler(inv.arg(0), with_trigger && inv.arg(1) != 0, inv.slot, *dest);
}

Status decode_irq_handler(const Invocation& inv, Results&, kernel::Budget&) {
    const uint64_t irq = inv.cap.irq();
    switch (inv.label) {
    case RAMPART_IRQ_ACK_IRQ:
        irq::ack(irq);
        return Status::ok();
    case RAMPART_IRQ_SET_IRQ_HANDLER:
        if (!inv.has(0, 1))
            return Status::truncated_message();
        return irq::set_notification(irq, *inv.extra[0]);
    case RAMPART_IRQ_CLEAR_IRQ_HANDLER:
        return irq::clear_notification(irq);
    default:
        return Status::illegal_operation();
    }
}

} // namespace rampart::api
