// User interrupts: which IRQs have a handler cap, and the notification each
// one signals. The slots hold copies of the notification caps, so the
// derivation tree knows they are in use (as seL4's IRQ CNode).
#pragma once

#include "kernel/invariants.hpp"
#include "kernel/slot.hpp"
#include "kernel/status.hpp"

#include <stdint.h>

namespace rampart::irq {

// IRQControl Get: issues the handler cap for `irq` into `dest` (empty).
kernel::Status issue_handler(uint64_t irq, bool edge, kernel::Slot& control, kernel::Slot& dest);
// IRQHandler SetNotification / Clear / Ack.
kernel::Status set_notification(uint64_t irq, kernel::Slot& ntfn);
kernel::Status clear_notification(uint64_t irq);
void ack(uint64_t irq);

// Delivers a user interrupt: masks it and signals its notification.
// False when nobody handles this IRQ.
bool deliver(uint32_t irq);
// The last handler cap went: mask the IRQ, drop the notification, free the number.
void handler_gone(uint64_t irq);

// The caps the kernel keeps in its own slots (the notifications' copies).
uint64_t kernel_held_caps();
// The invariant checker's part (kernel/invariants.hpp), after the
// derivation tree's walk: an IRQ is issued exactly when a handler cap for it
// exists, and only an issued IRQ has a notification (a notification cap).
bool check_invariants(kernel::InvariantCheck& check);

} // namespace rampart::irq
