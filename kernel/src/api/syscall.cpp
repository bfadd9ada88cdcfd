// System call dispatch (numbers in kernel/include/rampart/syscalls.h, call
// number in x7). IPC calls arrive with the IPC issue; until then they are
// unknown system calls, like any other number.
#include "api/syscall.hpp"

#include "api/debug_calls.hpp"
#include "api/invoke.hpp"
#include "config.hpp"
#include "sched/scheduler.hpp"
#include "thread/current.hpp"
#include "thread/user_fault.hpp"

#include <rampart/syscalls.h>

namespace rampart::api {

arch::UserContext* handle_syscall(arch::UserContext* ctx) {
    const uint64_t number = ctx->x[7];
    switch (number) {
    case RAMPART_SYS_CALL:
        return handle_invocation(*thread::current(), true);
    case RAMPART_SYS_SEND:
        return handle_invocation(*thread::current(), false);
    case RAMPART_SYS_YIELD:
        sched::timeslice_expired();
        return thread::resume_point();
    case RAMPART_SYS_DEBUG_PUTCHAR:
    case RAMPART_SYS_DEBUG_WRITE:
    case RAMPART_SYS_DEBUG_HALT:
    case RAMPART_SYS_DEBUG_CHECK:
        if (config::debug)
            return debug_call(ctx, number);
        break;
    default:
        break;
    }
    thread::UserFault f{};
    f.kind = thread::UserFault::Kind::unknown_syscall;
    f.address = number;
    f.description = "system call number in 'address'";
    return thread::handle_user_fault(ctx, f);
}

} // namespace rampart::api
