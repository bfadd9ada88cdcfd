// The running thread and the kernel's idle point.
#include "thread/current.hpp"

#include "arch/machine.hpp"
#include "irq/interrupt.hpp"

namespace rampart::thread {
namespace {

Thread* current_thread;

} // namespace

void set_current(Thread* t) { current_thread = t; }
Thread* current() { return current_thread; }

arch::UserContext* resume_point(arch::UserContext* ctx) {
    (void)ctx;
    while (!current_thread || !current_thread->runnable) {
        // Interrupts stay masked in the kernel: wfi still wakes on a pending one.
        arch::machine_idle();
        irq::handle_pending_interrupts();
    }
    return &current_thread->context;
}

} // namespace rampart::thread
