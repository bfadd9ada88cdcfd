// Faults as messages: a faulting thread calls its fault handler endpoint with
// a kernel-made message (kernel/include/rampart/faults.h); the reply restarts
// it, rewriting registers for unknown-syscall and user-exception faults.
#pragma once

#include "arch/context.hpp"
#include "object/tcb.hpp"

#include <stdint.h>

namespace rampart::ipc {

// Records the fault in the thread and sends it to the handler; false when the
// thread has no usable fault handler (the caller then stops the thread).
bool send_fault(kernel::Tcb& t, kernel::FaultType type, const uint64_t* words, unsigned count);
// Tells t's timeout handler that its budget ran out (label RAMPART_FAULT_TIMEOUT:
// the context's badge and the time it consumed); false without a handler.
bool send_timeout_fault(kernel::Tcb& t);
// Writes t's fault message into the handler's registers / IPC buffer.
void write_fault_message(kernel::Tcb& t, kernel::Tcb& handler, uint64_t badge);
// Applies the handler's reply; true when the thread should run again.
bool handle_fault_reply(kernel::Tcb& t, kernel::Tcb& replier);

} // namespace rampart::ipc
