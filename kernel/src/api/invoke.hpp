// Invoking a kernel object through a cap (Call or Send).
#pragma once

#include "arch/context.hpp"
#include "object/tcb.hpp"

namespace rampart::api {

arch::UserContext* handle_invocation(kernel::Tcb& caller, bool is_call, bool blocking);

// Recv, NBRecv, Wait and NBWait on x0 (reply object in x6 for endpoints).
arch::UserContext* handle_receive(kernel::Tcb& receiver, bool blocking, bool notification_only);
// ReplyRecv: reply through x6, then receive on x0 with the same reply object.
arch::UserContext* handle_reply_recv(kernel::Tcb& t);
// NBSendRecv / NBSendWait: a non-blocking send to x8, then a receive on x0.
arch::UserContext* handle_send_receive(kernel::Tcb& t, bool notification_only);

} // namespace rampart::api
