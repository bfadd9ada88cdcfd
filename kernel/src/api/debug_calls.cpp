// Debug calls: the ones that take their data in registers only, and the
// dispatch of those that name a cap (api/debug_cap_calls.cpp).
#include "api/debug_calls.hpp"

#include "arch/machine.hpp"
#include "arch/timer.hpp"
#include "check/kernel_check.hpp"
#include "config.hpp"
#include "log/print.hpp"
#include "thread/current.hpp"

#include <rampart/syscalls.h>

namespace rampart::api {

namespace {

uint64_t check_runs;

// The whole checker; it stops, undecided, when an interrupt is pending.
uint64_t debug_check() {
    const uint64_t nonce = (++check_runs * 0x9e3779b97f4a7c15ull) ^ arch::timer_now();
    const kernel::InvariantReport r = check::check_kernel(nonce, arch::interrupt_pending);
    if (!r.ok) {
        log::print("rampart: kernel invariant violated: ", r.what, " (at ",
                   log::Hex{reinterpret_cast<uint64_t>(r.where)}, ", ",
                   log::Hex{reinterpret_cast<uint64_t>(r.other)}, ")\n");
        return RAMPART_DEBUG_CHECK_VIOLATED;
    }
    return r.incomplete ? RAMPART_DEBUG_CHECK_INTERRUPTED : RAMPART_DEBUG_CHECK_OK;
}

} // namespace

arch::UserContext* debug_call(arch::UserContext* ctx, int64_t number) {
    switch (number) {
    case RAMPART_SYS_DEBUG_PUTCHAR:
        log::put(static_cast<char>(ctx->debug_word(0)));
        break;
    case RAMPART_SYS_DEBUG_WRITE: {
        const uint64_t length = ctx->debug_length() < RAMPART_DEBUG_WRITE_MAX
                                    ? ctx->debug_length()
                                    : RAMPART_DEBUG_WRITE_MAX;
        for (uint64_t i = 0; i < length; ++i)
            log::put(static_cast<char>(ctx->debug_word(static_cast<unsigned>(i / 8)) >>
                                       (8 * (i % 8))));
        break;
    }
    case RAMPART_SYS_DEBUG_HALT:
        arch::machine_halt(static_cast<uint32_t>(ctx->debug_word(0)));
    case RAMPART_SYS_DEBUG_CHECK:
        if (config::debug) // a benchmark kernel has the console calls, not the checker
            ctx->set_debug_result(debug_check());
        break;
    // seL4 reads the cap from x0 and answers there: the first debug word.
    case RAMPART_SYS_DEBUG_CAP_IDENTIFY:
        ctx->set_debug_result(debug_cap_identify(*thread::current(), ctx->debug_word(0)));
        break;
    case RAMPART_SYS_DEBUG_DUMP_SCHEDULER:
        debug_dump_scheduler();
        break;
    case RAMPART_SYS_DEBUG_NAME_THREAD: {
        kernel::Tcb& caller = *thread::current();
        const uint64_t cptr = ctx->debug_word(0);
        if (const NameRefusal why = debug_name_thread(caller, cptr); why != NameRefusal::None)
            report_name_refusal(caller, cptr, why);
        break;
    }
    default:
        break;
    }
    return ctx;
}

} // namespace rampart::api
