// Invoking a kernel object through a cap (Call or Send).
#pragma once

#include "arch/context.hpp"
#include "object/tcb.hpp"

namespace rampart::api {

arch::UserContext* handle_invocation(kernel::Tcb& caller, bool is_call, bool blocking);

// Recv, NBRecv, Wait and NBWait on the call's cap (with a reply object for endpoints).
arch::UserContext* handle_receive(kernel::Tcb& receiver, bool blocking, bool notification_only);
// ReplyRecv: reply through the reply object, then receive with the same one.
arch::UserContext* handle_reply_recv(kernel::Tcb& t);
// NBSendRecv / NBSendWait: a non-blocking send to the destination, then a receive.
arch::UserContext* handle_send_receive(kernel::Tcb& t, bool notification_only);

} // namespace rampart::api
