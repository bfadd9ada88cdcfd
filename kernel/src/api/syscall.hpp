// System call entry: decodes the call number and dispatches.
#pragma once

#include "arch/context.hpp"

#include <stdint.h>

namespace rampart::api {

// Handles the system call in `ctx` and returns the context to resume.
arch::UserContext* handle_syscall(arch::UserContext* ctx, uint64_t number);

} // namespace rampart::api
