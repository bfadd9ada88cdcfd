// A fault raised by a user thread (VM fault, user exception, unknown system call).
#pragma once

#include "arch/context.hpp"

#include <stdint.h>

namespace rampart::thread {

struct UserFault {
    enum class Kind { vm, user_exception, unknown_syscall, cap_fault };
    Kind kind;
    uint64_t esr;
    uint64_t address;
    bool instruction;
    const char* description;
};

// Without a fault handler the thread is suspended and, in debug builds, the
// fault is reported on the console (as seL4 does). Fault delivery to a handler
// endpoint arrives with IPC.
arch::UserContext* handle_user_fault(arch::UserContext* ctx, const UserFault& fault);

} // namespace rampart::thread
