// The debug system calls of debug builds: console output and ending the system.
#pragma once

#include "arch/context.hpp"

#include <stdint.h>

namespace rampart::api {

arch::UserContext* debug_call(arch::UserContext* ctx, int64_t number);

} // namespace rampart::api
