// Message words live in registers first, then in the IPC buffer.
#include "api/message.hpp"

#include "kernel/phys.hpp"

namespace rampart::api {

rampart_ipc_buffer* ipc_buffer(kernel::Tcb& t) {
    const kernel::Cap& frame = t.slot(kernel::TcbSlot::IpcBuffer).cap;
    if (frame.type() != kernel::CapType::Frame)
        return nullptr;
    const uint64_t offset =
        t.ipc_buffer_vaddr & lib::mask(kernel::frame_size_bits(frame.frame_size()));
    return kernel::phys_ptr<rampart_ipc_buffer>(frame.paddr() + offset);
}

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
