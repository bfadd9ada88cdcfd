// Moving a message (and granted caps) from one thread to another.
#pragma once

#include "object/endpoint.hpp"
#include "object/tcb.hpp"

namespace rampart::ipc {

// Copies the sender's message into the receiver (registers and IPC buffers),
// transfers caps when granted, and sets the receiver's badge and message info.
void transfer(kernel::Tcb& from, kernel::Tcb& to, const kernel::Endpoint* ep, uint64_t badge,
              bool can_grant);

} // namespace rampart::ipc
