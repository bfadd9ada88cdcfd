// The running thread; where the kernel goes back to user mode.
#include "thread/current.hpp"

#include "sched/scheduler.hpp"

namespace rampart::thread {
namespace {

Tcb* current_thread;

} // namespace

void set_current(Tcb* t) {
    current_thread = t;
}
Tcb* current() {
    return current_thread;
}

arch::UserContext* resume_point() {
    return sched::choose_and_switch();
}

} // namespace rampart::thread
