// User faults: never a kernel panic; the faulting thread stops, others go on.
#include "thread/user_fault.hpp"

#include "config.hpp"
#include "log/print.hpp"
#include "thread/current.hpp"

namespace rampart::thread {

arch::UserContext* handle_user_fault(arch::UserContext* ctx, const UserFault& fault) {
    kernel::Tcb* t = current();
    if (config::debug) {
        using log::Hex;
        static const char* const kinds[] = {"VM fault", "user exception", "unknown system call",
                                            "cap fault"};
        log::print("rampart: thread '", t ? t->name : "?", "' suspended: ",
                   kinds[static_cast<int>(fault.kind)], " (", fault.description, ") at pc ",
                   Hex{ctx->pc}, ", address ", Hex{fault.address}, ", ESR ", Hex{fault.esr}, "\n");
    }
    if (t)
        t->state = kernel::ThreadState::Inactive;
    return resume_point();
}

} // namespace rampart::thread
