// A thread's message words: the first RAMPART_MSG_REGISTERS in its saved
// registers (arch::UserContext::mr), the rest in its IPC buffer.
#pragma once

#include "object/tcb.hpp"

#include <rampart/message.h>
#include <stdint.h>

namespace rampart::api {

// The thread's IPC buffer as a kernel pointer, or nullptr when it has none.
rampart_ipc_buffer* ipc_buffer(kernel::Tcb& t);

uint64_t get_mr(kernel::Tcb& t, rampart_ipc_buffer* buf, unsigned i);
void set_mr(kernel::Tcb& t, rampart_ipc_buffer* buf, unsigned i, uint64_t v);

} // namespace rampart::api
