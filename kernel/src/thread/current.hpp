// The thread the kernel returns to. Until the scheduler lands (IPC/MCS issue)
// there is one user thread, the root task; a suspended root task leaves the
// machine idle, serving interrupts.
#pragma once

#include "arch/context.hpp"

namespace rampart::thread {

struct Thread {
    arch::UserContext context;
    const char* name;
    bool runnable;
};

void set_current(Thread* t);
Thread* current();

// The context to resume after a kernel entry from `ctx`'s thread: that thread if
// it can run, otherwise the kernel idles until one can.
arch::UserContext* resume_point(arch::UserContext* ctx);

} // namespace rampart::thread
