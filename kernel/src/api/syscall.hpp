// System call entry: decodes the call number and dispatches.
#pragma once

#include "arch/context.hpp"

namespace rampart::api {

// Handles the system call in `ctx` and returns the context to resume.
arch::UserContext* handle_syscall(arch::UserContext* ctx);

} // namespace rampart::api
