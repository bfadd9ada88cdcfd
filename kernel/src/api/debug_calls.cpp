// Debug calls take their data in registers only, so the kernel never reads user memory for them.
#include "api/debug_calls.hpp"

#include "arch/machine.hpp"
#include "log/print.hpp"

#include <rampart/syscalls.h>

namespace rampart::api {

arch::UserContext* debug_call(arch::UserContext* ctx, uint64_t number) {
    switch (number) {
    case RAMPART_SYS_DEBUG_PUTCHAR:
        log::put(static_cast<char>(ctx->x[0]));
        break;
    case RAMPART_SYS_DEBUG_WRITE: {
        const uint64_t length = ctx->x[6] < RAMPART_DEBUG_WRITE_MAX ? ctx->x[6] : RAMPART_DEBUG_WRITE_MAX;
        for (uint64_t i = 0; i < length; ++i)
            log::put(static_cast<char>(ctx->x[i / 8] >> (8 * (i % 8))));
        break;
    }
    case RAMPART_SYS_DEBUG_HALT:
        arch::machine_halt(static_cast<uint32_t>(ctx->x[0]));
    default:
        break;
    }
    return ctx;
}

} // namespace rampart::api
