// Debug calls take their data in registers only, so the kernel never reads user memory for them.
#include "api/debug_calls.hpp"

#include "arch/machine.hpp"
#include "kernel/invariants.hpp"
#include "log/print.hpp"

#include <rampart/syscalls.h>

namespace rampart::api {

namespace {
constexpr uint64_t max_checked_caps = 1u << 20;
} // namespace

arch::UserContext* debug_call(arch::UserContext* ctx, uint64_t number) {
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
    case RAMPART_SYS_DEBUG_CHECK: {
        const kernel::InvariantReport r = kernel::check_invariants(max_checked_caps);
        if (!r.ok)
            log::print("rampart: kernel invariant violated: ", r.what, " (slot ",
                       log::Hex{reinterpret_cast<uint64_t>(r.slot)}, ")\n");
        ctx->set_debug_result(r.ok ? 0 : 1);
        break;
    }
    default:
        break;
    }
    return ctx;
}

} // namespace rampart::api
