// The IPC fastpath: Call to a waiting server and ReplyRecv back to a waiting
// client, for short messages without caps, straight from one thread's
// registers to the other's with one switch. Anything unusual goes to the
// slow path (handle_invocation, handle_reply_recv), which does the work with
// the same result.
#pragma once

#include "arch/context.hpp"
#include "object/tcb.hpp"

namespace rampart::api {

// Call and ReplyRecv: the fastpath when it applies, else the slow path.
arch::UserContext* call_fast_or_slow(kernel::Tcb& caller);
arch::UserContext* reply_recv_fast_or_slow(kernel::Tcb& server);

} // namespace rampart::api
