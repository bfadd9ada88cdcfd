// A thread's message words: the first RAMPART_MSG_REGISTERS in its saved
// registers (x2..x5), the rest in its IPC buffer.
#pragma once

#include "object/tcb.hpp"

#include <rampart/message.h>
#include <stdint.h>

namespace rampart::api {

// The thread's IPC buffer as a kernel pointer, or nullptr when it has none.
rampart_ipc_buffer* ipc_buffer(kernel::Tcb& t);

uint64_t get_mr(kernel::Tcb& t, rampart_ipc_buffer* buf, unsigned i);
void set_mr(kernel::Tcb& t, rampart_ipc_buffer* buf, unsigned i, uint64_t v);

// Message-register window of the saved context.
inline constexpr unsigned mr_register_base = 2;
inline constexpr unsigned info_register = 1;
inline constexpr unsigned badge_register = 0;
inline constexpr unsigned reply_register = 6;
inline constexpr unsigned syscall_dest_register = 8;

} // namespace rampart::api
