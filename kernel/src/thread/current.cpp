// The running thread; where the kernel goes back to user mode.
#include "thread/current.hpp"

#include "sched/scheduler.hpp"

namespace rampart::thread {

Tcb* current_thread;

arch::UserContext* resume_point() {
    return sched::choose_and_switch();
}

} // namespace rampart::thread
