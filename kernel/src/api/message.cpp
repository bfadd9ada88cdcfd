// Message words live in registers first, then in the IPC buffer.
#include "api/message.hpp"

#include "kernel/phys.hpp"

namespace rampart::api {

uint64_t get_mr(kernel::Tcb& t, rampart_ipc_buffer* buf, unsigned i) {
    if (i < RAMPART_MSG_REGISTERS)
        return t.context.mr(i);
    return buf && i < RAMPART_MSG_MAX_LENGTH ? buf->msg[i] : 0;
}

void set_mr(kernel::Tcb& t, rampart_ipc_buffer* buf, unsigned i, uint64_t v) {
    if (i < RAMPART_MSG_REGISTERS)
        t.context.set_mr(i, v);
    else if (buf && i < RAMPART_MSG_MAX_LENGTH)
        buf->msg[i] = v;
}

} // namespace rampart::api
