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

namespace {

[[gnu::noinline]] arch::UserContext* unknown_syscall(arch::UserContext* ctx, int64_t number) {
    thread::UserFault f{};
    f.kind = thread::UserFault::Kind::unknown_syscall;
    f.address = static_cast<uint64_t>(number);
    f.description = "system call number in 'address'";
    return thread::handle_user_fault(ctx, f);
}

// Every other call: each arm is a tail call (no stack frame).
[[gnu::noinline]] arch::UserContext* dispatch(arch::UserContext* ctx, int64_t number) {
    switch (number) {
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
        return config::console_calls ? debug_call(ctx, number) : ctx;
    case RAMPART_SYS_DEBUG_HALT:
        if (config::console_calls)
            return debug_call(ctx, number);
        return unknown_syscall(ctx, number);
    case RAMPART_SYS_DEBUG_CHECK:
    case RAMPART_SYS_DEBUG_CAP_IDENTIFY:
    case RAMPART_SYS_DEBUG_NAME_THREAD:
    case RAMPART_SYS_DEBUG_DUMP_SCHEDULER:
        if (config::debug)
            return debug_call(ctx, number);
        return unknown_syscall(ctx, number);
    default:
        return unknown_syscall(ctx, number);
    }
}

} // namespace

// The two calls with a fastpath are tested first, before any jump table.
// seL4's numbers are negative: x7 is read as a signed word.
arch::UserContext* handle_syscall(arch::UserContext* ctx, uint64_t x7) {
    const auto number = static_cast<int64_t>(x7);
    if (number == RAMPART_SYS_CALL)
        return call_fast_or_slow(*thread::current());
    if (number == RAMPART_SYS_REPLY_RECV)
        return reply_recv_fast_or_slow(*thread::current());
    return dispatch(ctx, number);
}

} // namespace rampart::api
