// The thread the kernel is running for, and where the kernel goes back to user mode.
#pragma once

#include "arch/context.hpp"
#include "object/tcb.hpp"

namespace rampart::thread {

using kernel::Tcb;

// Inline: every system call asks, several times (a call cost 10 instructions
// a round trip on the signal benchmark).
extern Tcb* current_thread;
inline void set_current(Tcb* t) {
    current_thread = t;
}
inline Tcb* current() {
    return current_thread;
}

// The context to resume after a kernel entry: the current thread if it can
// run, otherwise the kernel idles (serving interrupts) until one can.
arch::UserContext* resume_point();

} // namespace rampart::thread
