// Finalisation of an object when the last cap to it goes: the per-object
// hooks, and the zombie that lets a CNode or TCB clear its own slots.
#include <arch/object_hooks.hpp>

#include "kernel/delete.hpp"
#include "kernel/phys.hpp"
#include "object/endpoint.hpp"
#include "object/irq.hpp"
#include "object/notification.hpp"
#include "object/reply.hpp"
#include "object/sched_context.hpp"
#include "object/tcb.hpp"

namespace rampart::kernel {

Cap finalise_cap(const Cap& cap, bool final) {
    switch (cap.type()) {
    case CapType::Frame:
    case CapType::PageTable:
    case CapType::VSpace:
    case CapType::AsidPool:
        // A frame cap carries its own mapping, so every frame cap is unmapped
        // when deleted; tables and pools only when the last cap goes.
        arch_finalise_cap(cap, final);
        return Cap::null();
    case CapType::Zombie:
        return cap;
    default:
        break;
    }
    if (!final) {
        return Cap::null();
    }
    switch (cap.type()) {
    case CapType::Endpoint:
        endpoint_cancel_all(*phys_ptr<Endpoint>(cap.paddr()));
        return Cap::null();
    case CapType::Notification:
        notification_finalise(*phys_ptr<Notification>(cap.paddr()));
        return Cap::null();
    case CapType::Reply:
        reply_finalise(*phys_ptr<Reply>(cap.paddr()));
        return Cap::null();
    case CapType::SchedContext:
        sched_context_finalise(*phys_ptr<SchedContext>(cap.paddr()));
        return Cap::null();
    case CapType::IrqHandler:
        irq_handler_finalise(cap.irq());
        return Cap::null();
    case CapType::CNode:
        return Cap::zombie(cap.paddr(), false, cap.cnode_radix(), lib::bit(cap.cnode_radix()));
    case CapType::Tcb:
        tcb_finalise(*phys_ptr<Tcb>(cap.paddr()));
        return Cap::zombie(cap.paddr(), true, 0, static_cast<unsigned>(TcbSlot::Count));
    default:
        return Cap::null();
    }
}

} // namespace rampart::kernel
