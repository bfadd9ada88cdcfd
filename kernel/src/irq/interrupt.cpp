// Interrupt dispatch: the kernel's timer, and user interrupts signalled to
// their notifications (irq_state.cpp). A periodic tick drives round-robin
// until MCS budgets program the timer.
#include "irq/interrupt.hpp"

#include "arch/irq_controller.hpp"
#include "arch/timer.hpp"
#include "irq/irq_state.hpp"
#include "log/print.hpp"
#include "sched/scheduler.hpp"

namespace rampart::irq {
namespace {

constexpr uint64_t ticks_per_second = 100;
uint64_t tick_period;
uint64_t ticks;

void arm_next_tick() { arch::timer_set_deadline(arch::timer_now() + tick_period); }

} // namespace

void init() {
    arch::irq_controller_init();
    arch::timer_init();
    tick_period = arch::timer_frequency() / ticks_per_second;
    arch::irq_enable(arch::timer_irq());
    arm_next_tick();
}

void handle_pending_interrupts() {
    for (;;) {
        const uint32_t irq = arch::irq_acknowledge();
        if (irq == arch::irq_spurious)
            return;
        if (irq == arch::timer_irq()) {
            ++ticks;
            sched::timeslice_expired();
            arch::timer_ack();
            arm_next_tick();
        } else if (!deliver(irq)) {
            log::print("rampart: interrupt ", irq, " has no handler; masked\n");
            arch::irq_disable(irq);
        }
        arch::irq_end(irq);
    }
}

uint64_t timer_ticks() { return ticks; }

} // namespace rampart::irq
