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
    bool instruction; // VM: an instruction fetch; cap fault: in the receive phase
    const char* description;
    uint64_t lookup_words[3]; // cap fault: the lookup failure's words
};

// The fault goes to the thread's fault handler endpoint as a message; without
// a handler the thread is suspended and, in debug builds, the fault is
// reported on the console (as seL4 does).
arch::UserContext* handle_user_fault(arch::UserContext* ctx, const UserFault& fault);

// A capability address that did not resolve (or named the wrong kind of cap).
arch::UserContext* cap_fault(arch::UserContext* ctx, uint64_t cptr, uint64_t lookup_kind,
                             const uint64_t lookup_words[3], bool in_receive);

} // namespace rampart::thread
