// The thread the kernel is running for, and where the kernel goes back to user mode.
#pragma once

#include "arch/context.hpp"
#include "object/tcb.hpp"

namespace rampart::thread {

using kernel::Tcb;

void set_current(Tcb* t);
Tcb* current();

// The context to resume after a kernel entry: the current thread if it can
// run, otherwise the kernel idles (serving interrupts) until one can.
arch::UserContext* resume_point();

} // namespace rampart::thread
