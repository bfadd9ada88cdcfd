// Fault delivery and fault replies.
#include "ipc/fault.hpp"

#include "api/message.hpp"
#include "ipc/ipc.hpp"
#include "kernel/phys.hpp"
#include "object/sched_context.hpp"
#include "sched/sched_context_ops.hpp"

#include <rampart/faults.h>

namespace rampart::ipc {

using kernel::FaultType;

namespace {

bool send_to(kernel::Tcb& t, kernel::TcbSlot which, FaultType type, const uint64_t* words,
             unsigned count) {
    const kernel::Cap& h = t.slot(which).cap;
    if (h.type() != kernel::CapType::Endpoint || !h.rights().write() ||
        !(h.rights().grant() || h.rights().grant_reply()))
        return false;
    t.fault = type;
    for (unsigned i = 0; i < count && i < 8; ++i)
        t.fault_words[i] = words[i];
    t.fault_length = static_cast<uint8_t>(count < 8 ? count : 8);
    send(t, *kernel::phys_ptr<Endpoint>(h.paddr()),
         SendRights{h.badge(), h.rights().grant(), h.rights().grant_reply()}, true, true);
    return true;
}

} // namespace

bool send_fault(kernel::Tcb& t, FaultType type, const uint64_t* words, unsigned count) {
    return send_to(t, kernel::TcbSlot::FaultHandler, type, words, count);
}

bool send_timeout_fault(kernel::Tcb& t) {
    kernel::SchedContext* sc = t.sched_context;
    if (!sc || t.slot(kernel::TcbSlot::TimeoutHandler).cap.type() != kernel::CapType::Endpoint)
        return false;
    const uint64_t words[2] = {sc->badge, sched::take_consumed(*sc)};
    return send_to(t, kernel::TcbSlot::TimeoutHandler, FaultType::Timeout, words, 2);
}

void write_fault_message(kernel::Tcb& t, kernel::Tcb& handler, uint64_t badge) {
    rampart_ipc_buffer* buf = api::ipc_buffer(handler, api::BufferUse::Write);
    unsigned length = t.fault_length;
    if (t.fault == FaultType::UnknownSyscall) {
        // The registers themselves, so the handler can emulate the call.
        uint64_t regs[RAMPART_FAULT_UNKNOWN_SYSCALL_WORDS];
        t.context.unknown_syscall_message(regs);
        length = buf ? RAMPART_FAULT_UNKNOWN_SYSCALL_WORDS : RAMPART_MSG_REGISTERS;
        for (unsigned i = 0; i < length; ++i)
            api::set_mr(handler, buf, i, regs[i]);
    } else {
        if (!buf && length > RAMPART_MSG_REGISTERS)
            length = RAMPART_MSG_REGISTERS;
        for (unsigned i = 0; i < length; ++i)
            api::set_mr(handler, buf, i, t.fault_words[i]);
    }
    handler.context.set_info(rampart_msginfo_new(static_cast<uint64_t>(t.fault), 0, 0, length));
    handler.context.set_badge(badge);
}

bool handle_fault_reply(kernel::Tcb& t, kernel::Tcb& replier) {
    const FaultType type = t.fault;
    t.fault = FaultType::None;
    const uint64_t info = replier.context.info();
    if (rampart_msginfo_label(info) != 0)
        return false;
    rampart_ipc_buffer* buf = api::ipc_buffer(replier, api::BufferUse::Read);
    const uint64_t length = rampart_msginfo_length(info);
    using Context = arch::UserContext;
    if (type == FaultType::UnknownSyscall) {
        constexpr unsigned n = sizeof Context::unknown_syscall_reply_registers / sizeof(unsigned);
        for (unsigned i = 0; i < length && i < n; ++i)
            t.context.write_register(Context::unknown_syscall_reply_registers[i],
                                     api::get_mr(replier, buf, i));
    } else if (type == FaultType::UserException) {
        for (unsigned i = 0; i < length && i < Context::user_exception_reply_registers; ++i)
            t.context.write_register(i, api::get_mr(replier, buf, i));
    }
    return true;
}

} // namespace rampart::ipc
