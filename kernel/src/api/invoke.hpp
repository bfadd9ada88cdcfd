// Invoking a kernel object through a cap (Call or Send).
#pragma once

#include "arch/context.hpp"
#include "object/tcb.hpp"

namespace rampart::api {

arch::UserContext* handle_invocation(kernel::Tcb& caller, bool is_call);

} // namespace rampart::api
