// Interrupt dispatch: the kernel's timer (deadlines set by the scheduler),
// and user interrupts signalled to their notifications (irq_state.cpp).
#include "irq/interrupt.hpp"

#include "arch/irq_controller.hpp"
#include "arch/timer.hpp"
#include "irq/irq_state.hpp"
#include "log/print.hpp"
#include "sched/scheduler.hpp"

namespace rampart::irq {

void init() {
    arch::irq_controller_init();
    arch::timer_init();
    arch::irq_enable(arch::timer_irq());
}

bool interrupt_waiting() {
    return arch::irq_waiting();
}

void handle_pending_interrupts() {
    for (;;) {
        const uint32_t irq = arch::irq_acknowledge();
        if (irq == arch::irq_spurious)
            return;
        if (irq == arch::timer_irq()) {
            // A budget ended or a refill came due: the way out of the kernel
            // charges, releases and programs the next deadline.
            arch::timer_ack();
            sched::timer_fired();
        } else if (!deliver(irq)) {
            log::print("rampart: interrupt ", irq, " has no handler; masked\n");
            arch::irq_disable(irq);
        }
        arch::irq_end(irq);
    }
}

} // namespace rampart::irq
