// The IPC fastpath: Call to a waiting server and ReplyRecv back to a waiting
// client, for short messages without caps, straight from one thread's
// registers to the other's with one switch. Anything unusual returns nullptr
// and the slow path does the work with the same result.
#pragma once

#include "arch/context.hpp"
#include "object/tcb.hpp"

namespace rampart::api {

arch::UserContext* fastpath_call(kernel::Tcb& caller);
arch::UserContext* fastpath_reply_recv(kernel::Tcb& server);

} // namespace rampart::api
