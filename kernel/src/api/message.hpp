// A thread's message words: the first RAMPART_MSG_REGISTERS in its saved
// registers (arch::UserContext::mr), the rest in its IPC buffer.
#pragma once

#include "kernel/phys.hpp"
#include "object/tcb.hpp"

#include <rampart/message.h>
#include <stdint.h>

namespace rampart::api {

// What the kernel does with a thread's IPC buffer: read a sender's words (or
// an invoker's arguments), or write a receiver's (or an invoker's results).
enum class BufferUse : uint8_t { Read, Write };

// The thread's IPC buffer as a kernel pointer, or nullptr when it has none
// or its frame cap does not allow the use: reading needs the read right,
// writing read and write (seL4's lookupIPCBuffer). Inline: the use is known
// where it is called, so each call checks only what it needs.
inline rampart_ipc_buffer* ipc_buffer(kernel::Tcb& t, BufferUse use) {
    const kernel::Cap& frame = t.slot(kernel::TcbSlot::IpcBuffer).cap;
    if (frame.type() != kernel::CapType::Frame || !frame.rights().read() ||
        (use == BufferUse::Write && !frame.rights().write()))
        return nullptr;
    const uint64_t offset =
        t.ipc_buffer_vaddr & lib::mask(kernel::frame_size_bits(frame.frame_size()));
    return kernel::phys_ptr<rampart_ipc_buffer>(frame.paddr() + offset);
}

uint64_t get_mr(kernel::Tcb& t, rampart_ipc_buffer* buf, unsigned i);
void set_mr(kernel::Tcb& t, rampart_ipc_buffer* buf, unsigned i, uint64_t v);

} // namespace rampart::api
