// TCB invocations (argument order documented in kernel/include/rampart/invocations.h).
#include "api/invocation.hpp"
#include "thread/current.hpp"
#include "thread/tcb_ops.hpp"

#include "ipc/ipc.hpp"
#include "kernel/phys.hpp"
#include "sched/scheduler.hpp"

#include <rampart/invocations.h>

namespace rampart::api {

using kernel::CapType;
using kernel::Status;
using kernel::Tcb;

namespace {

// User registers in the architecture's ABI order (arch/context.hpp): its first
// frame_registers are seL4's "frame registers", the rest its "gp registers".
constexpr unsigned register_count = arch::UserContext::register_count;
constexpr unsigned frame_registers = arch::UserContext::frame_registers;

Tcb* tcb_of(const kernel::Cap& c) {
    return c.type() == CapType::Tcb ? kernel::phys_ptr<Tcb>(c.paddr()) : nullptr;
}

Status configure(const Invocation& inv, Tcb& t, kernel::Budget& budget) {
    if (!inv.has(3, 2))
        return Status::truncated_message();
    const uint64_t buffer = inv.arg(2);
    kernel::Slot* frame = inv.extra_count > 2 ? inv.extra[2] : nullptr;
    if (buffer && !frame)
        return Status::truncated_message();
    if (const Status s = thread::set_cspace(t, *inv.extra[0], inv.arg(0), budget, 1); !s.is_ok())
        return s;
    if (const Status s = thread::set_vspace(t, *inv.extra[1], budget, 2); !s.is_ok())
        return s;
    return thread::set_ipc_buffer(t, buffer, frame, budget, 3);
}

// Bits 8.. of the flags word are seL4's arch_flags: nothing to transfer on
// this configuration (no hypervisor), so they are ignored, as seL4 does.

Status read_registers(const Invocation& inv, Tcb& t, Results& out) {
    if (!inv.has(2))
        return Status::truncated_message();
    const uint64_t count = inv.arg(1);
    if (count < 1 || count > register_count)
        return Status::range_error(1, register_count);
    if (&t == &inv.thread)
        return Status::illegal_operation();
    if (inv.arg(0) & RAMPART_TCB_READ_SUSPEND_SOURCE)
        thread::suspend(t);
    for (unsigned i = 0; i < count; ++i)
        out.push(t.context.read_register(i));
    return Status::ok();
}

Status write_registers(const Invocation& inv, Tcb& t) {
    if (!inv.has(2))
        return Status::truncated_message();
    // As seL4: the message must hold the count asked for; a count above the
    // register file is then clamped.
    const uint64_t asked = inv.arg(1);
    if (inv.length - 2 < asked)
        return Status::truncated_message();
    if (&t == &inv.thread)
        return Status::illegal_operation();
    const unsigned count =
        asked < register_count ? static_cast<unsigned>(asked) : register_count;
    // seL4 writes, then restarts the thread at the PC written. Restarting
    // first lets a thread stopped in a system call take the PC written
    // rather than go back to its system call instruction.
    if (inv.arg(0) & RAMPART_TCB_WRITE_RESUME_TARGET)
        thread::resume(t);
    for (unsigned i = 0; i < count; ++i)
        t.context.write_register(i, inv.arg(2 + i));
    return Status::ok();
}

Status copy_registers(const Invocation& inv, Tcb& t) {
    if (!inv.has(1, 1))
        return Status::truncated_message();
    Tcb* src = tcb_of(inv.extra[0]->cap);
    if (!src)
        return Status::invalid_capability(1);
    const uint64_t flags = inv.arg(0);
    // seL4's order: suspend the source, restart the target, then copy.
    if (flags & RAMPART_TCB_COPY_SUSPEND_SOURCE)
        thread::suspend(*src);
    if (flags & RAMPART_TCB_COPY_RESUME_TARGET)
        thread::resume(t);
    if (flags & RAMPART_TCB_COPY_TRANSFER_FRAME)
        for (unsigned i = 0; i < frame_registers; ++i)
            t.context.write_register(i, src->context.read_register(i));
    if (flags & RAMPART_TCB_COPY_TRANSFER_INTEGER) {
        for (unsigned i = frame_registers; i < register_count; ++i)
            t.context.write_register(i, src->context.read_register(i));
        // The destination may be the caller, whose register is live.
        thread::set_read_only_thread_id(t, t.context.read_only_thread_id());
    }
    return Status::ok();
}

} // namespace

Status decode_tcb(const Invocation& inv, Results& out, kernel::Budget& budget) {
    Tcb& t = *tcb_of(inv.cap);
    switch (inv.label) {
    case RAMPART_TCB_CONFIGURE:
        return configure(inv, t, budget);
    case RAMPART_TCB_SET_SPACE:
        if (!inv.has(2, 3))
            return Status::truncated_message();
        if (const Status s = thread::set_fault_handler(t, *inv.extra[0], budget, 1); !s.is_ok())
            return s;
        if (const Status s = thread::set_cspace(t, *inv.extra[1], inv.arg(0), budget, 2);
            !s.is_ok())
            return s;
        return thread::set_vspace(t, *inv.extra[2], budget, 3);
    case RAMPART_TCB_SET_TIMEOUT_ENDPOINT:
        if (!inv.has(0, 1))
            return Status::truncated_message();
        return thread::set_timeout_handler(t, *inv.extra[0], budget, 1);
    case RAMPART_TCB_SET_IPC_BUFFER:
        if (!inv.has(1))
            return Status::truncated_message();
        return thread::set_ipc_buffer(t, inv.arg(0), inv.extra_count ? inv.extra[0] : nullptr,
                                      budget, 1);
    case RAMPART_TCB_SET_PRIORITY:
    case RAMPART_TCB_SET_MC_PRIORITY: {
        if (!inv.has(1, 1))
            return Status::truncated_message();
        const Tcb* auth = tcb_of(inv.extra[0]->cap);
        if (!auth)
            return Status::invalid_capability(1);
        return inv.label == RAMPART_TCB_SET_PRIORITY
                   ? thread::set_priority(t, *auth, inv.arg(0))
                   : thread::set_mc_priority(t, *auth, inv.arg(0));
    }
    case RAMPART_TCB_SET_SCHED_PARAMS: {
        if (!inv.has(2, 1))
            return Status::truncated_message();
        const Tcb* auth = tcb_of(inv.extra[0]->cap);
        if (!auth)
            return Status::invalid_capability(1);
        if (inv.arg(0) > auth->mc_priority || inv.arg(1) > auth->mc_priority)
            return Status::range_error(0, auth->mc_priority);
        (void)thread::set_mc_priority(t, *auth, inv.arg(0));
        return thread::set_priority(t, *auth, inv.arg(1));
    }
    case RAMPART_TCB_READ_REGISTERS:
        return read_registers(inv, t, out);
    case RAMPART_TCB_WRITE_REGISTERS:
        return write_registers(inv, t);
    case RAMPART_TCB_COPY_REGISTERS:
        return copy_registers(inv, t);
    case RAMPART_TCB_SUSPEND:
        thread::suspend(t);
        return Status::ok();
    case RAMPART_TCB_RESUME:
        thread::resume(t);
        return Status::ok();
    case RAMPART_TCB_BIND_NOTIFICATION: {
        if (!inv.has(0, 1))
            return Status::truncated_message();
        const kernel::Cap& n = inv.extra[0]->cap;
        if (t.bound_notification)
            return Status::illegal_operation();
        if (n.type() != CapType::Notification || !n.rights().read())
            return Status::invalid_capability(1);
        auto* ntfn = kernel::phys_ptr<kernel::Notification>(n.paddr());
        if (ntfn->bound_tcb || ntfn->state() == kernel::NotificationState::Waiting)
            return Status::illegal_operation();
        ipc::bind_notification(t, *ntfn);
        return Status::ok();
    }
    case RAMPART_TCB_UNBIND_NOTIFICATION:
        if (!t.bound_notification)
            return Status::illegal_operation();
        ipc::unbind_notification(t);
        return Status::ok();
    case RAMPART_TCB_SET_TLS_BASE:
        if (!inv.has(1))
            return Status::truncated_message();
        t.context.set_tls_base(inv.arg(0));
        return Status::ok();
    default:
        return Status::illegal_operation();
    }
}

} // namespace rampart::api

namespace rampart::api {

// DomainSet Set: m0 domain; c0 the TCB.
Status decode_domain(const Invocation& inv, Results&, kernel::Budget&) {
    if (inv.label != RAMPART_DOMAIN_SET_SET)
        return Status::illegal_operation();
    if (!inv.has(1, 1))
        return Status::truncated_message();
    if (inv.arg(0) >= sched::domain_count)
        return Status::invalid_argument(0);
    Tcb* t = tcb_of(inv.extra[0]->cap);
    if (!t)
        return Status::invalid_capability(1);
    thread::set_domain(*t, static_cast<unsigned>(inv.arg(0)));
    return Status::ok();
}

} // namespace rampart::api
