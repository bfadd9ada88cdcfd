// System call dispatch (numbers in kernel/include/rampart/syscalls.h, call
// number in x7; registers in kernel/include/rampart/message.h).
#include "api/syscall.hpp"

#include "api/debug_calls.hpp"
#include "api/fastpath.hpp"
#include "api/invoke.hpp"
#include "config.hpp"
#include "sched/scheduler.hpp"
#include "thread/current.hpp"
#include "thread/user_fault.hpp"

#include <rampart/syscalls.h>

namespace rampart::api {

arch::UserContext* handle_syscall(arch::UserContext* ctx, uint64_t number) {
    switch (number) {
    case RAMPART_SYS_CALL:
        if (arch::UserContext* next = fastpath_call(*thread::current()))
            return next;
        return handle_invocation(*thread::current(), true, true);
    case RAMPART_SYS_SEND:
        return handle_invocation(*thread::current(), false, true);
    case RAMPART_SYS_NB_SEND:
        return handle_invocation(*thread::current(), false, false);
    case RAMPART_SYS_RECV:
        return handle_receive(*thread::current(), true, false);
    case RAMPART_SYS_NB_RECV:
        return handle_receive(*thread::current(), false, false);
    case RAMPART_SYS_WAIT:
        return handle_receive(*thread::current(), true, true);
    case RAMPART_SYS_NB_WAIT:
        return handle_receive(*thread::current(), false, true);
    case RAMPART_SYS_REPLY_RECV:
        if (arch::UserContext* next = fastpath_reply_recv(*thread::current()))
            return next;
        return handle_reply_recv(*thread::current());
    case RAMPART_SYS_NB_SEND_RECV:
        return handle_send_receive(*thread::current(), false);
    case RAMPART_SYS_NB_SEND_WAIT:
        return handle_send_receive(*thread::current(), true);
    case RAMPART_SYS_YIELD:
        sched::timeslice_expired();
        return thread::resume_point();
    case RAMPART_SYS_DEBUG_PUTCHAR:
    case RAMPART_SYS_DEBUG_WRITE:
        // A release kernel has no console for user code, but the programs
        // that print (initializer, libpd) run on it unchanged: output is dropped.
        return config::debug ? debug_call(ctx, number) : ctx;
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
