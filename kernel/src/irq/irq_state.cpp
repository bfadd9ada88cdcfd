// User interrupts (seL4 semantics): an IRQ is masked when it is delivered
// and unmasked by the handler's Ack.
#include "irq/irq_state.hpp"

#include "arch/irq_controller.hpp"
#include "arch/timer.hpp"
#include "ipc/ipc.hpp"
#include "kernel/budget.hpp"
#include "kernel/cap_ops.hpp"
#include "kernel/delete.hpp"
#include "kernel/mdb.hpp"
#include "kernel/phys.hpp"

#include <platform/platform.hpp>

namespace rampart::irq {
namespace {

using kernel::Cap;
using kernel::CapType;
using kernel::Status;

constexpr uint32_t irq_count = platform::max_irq + 1;
bool issued[irq_count];
kernel::Slot notification_slot[irq_count];

bool reserved(uint64_t irq) {
    return irq == arch::timer_irq() || irq < 16;
}

} // namespace

Status issue_handler(uint64_t irq, bool edge, kernel::Slot& control, kernel::Slot& dest) {
    if (irq >= irq_count)
        return Status::range_error(16, irq_count - 1);
    if (reserved(irq) || issued[irq])
        return Status::revoke_first();
    if (!dest.cap.is_null())
        return Status::delete_first();
    issued[irq] = true;
    arch::irq_set_trigger(static_cast<uint32_t>(irq), edge);
    kernel::mdb_insert(Cap::irq_handler(irq), control, dest);
    return Status::ok();
}

Status set_notification(uint64_t irq, kernel::Slot& ntfn) {
    const Cap& c = ntfn.cap;
    if (c.type() != CapType::Notification || !c.rights().write())
        return Status::invalid_capability(1);
    Cap copy;
    if (const Status s = kernel::derive_cap(ntfn, c, copy); !s.is_ok())
        return s;
    if (const Status s = clear_notification(irq); !s.is_ok())
        return s;
    kernel::mdb_insert(copy, ntfn, notification_slot[irq]);
    arch::irq_enable(static_cast<uint32_t>(irq));
    return Status::ok();
}

Status clear_notification(uint64_t irq) {
    kernel::Slot& s = notification_slot[irq];
    arch::irq_disable(static_cast<uint32_t>(irq));
    if (s.cap.is_null())
        return Status::ok();
    kernel::Budget budget = kernel::Budget::unlimited(); // a notification cap copy: one step
    return kernel::cte_delete(s, budget);
}

void ack(uint64_t irq) {
    if (!notification_slot[irq].cap.is_null())
        arch::irq_enable(static_cast<uint32_t>(irq));
}

bool deliver(uint32_t irq) {
    if (irq >= irq_count || notification_slot[irq].cap.is_null())
        return false;
    arch::irq_disable(irq);
    const Cap& c = notification_slot[irq].cap;
    ipc::signal(*kernel::phys_ptr<kernel::Notification>(c.paddr()), c.badge());
    return true;
}

void handler_gone(uint64_t irq) {
    if (irq >= irq_count)
        return;
    (void)clear_notification(irq);
    issued[irq] = false;
}

uint64_t kernel_held_caps() {
    uint64_t n = 0;
    for (const kernel::Slot& s : notification_slot)
        n += s.cap.is_null() ? 0 : 1;
    return n;
}

bool check_invariants(kernel::InvariantCheck& check) {
    static_assert(irq_count <= kernel::InvariantCheck::irq_limit);
    for (uint32_t irq = 0; irq < irq_count; ++irq) {
        if (!check.step())
            return false;
        if (issued[irq] != check.irq_handler_seen(irq))
            return check.fail(issued[irq] ? "an issued IRQ has no handler cap"
                                          : "an IRQ handler cap exists for an IRQ not issued",
                              &issued[irq]);
        const Cap& c = notification_slot[irq].cap;
        if (!c.is_null() && (!issued[irq] || c.type() != CapType::Notification))
            return check.fail("an IRQ's notification slot holds something else",
                              &notification_slot[irq]);
    }
    return true;
}

} // namespace rampart::irq
