// The running thread and the kernel's idle point.
#include "thread/current.hpp"

#include "arch/machine.hpp"
#include "irq/interrupt.hpp"

namespace rampart::thread {
namespace {

Tcb* current_thread;

bool runnable(const Tcb* t) {
    return t && (t->state == kernel::ThreadState::Running || t->state == kernel::ThreadState::Restart);
}

} // namespace

void set_current(Tcb* t) { current_thread = t; }
Tcb* current() { return current_thread; }

arch::UserContext* resume_point() {
    while (!runnable(current_thread)) {
        // Interrupts stay masked in the kernel: wfi still wakes on a pending one.
        arch::machine_idle();
        irq::handle_pending_interrupts();
    }
    current_thread->state = kernel::ThreadState::Running;
    return &current_thread->context;
}

} // namespace rampart::thread
