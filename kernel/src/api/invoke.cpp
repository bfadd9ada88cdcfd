// Invocations: a Call or Send on a kernel-object cap. The invoked cap and the
// extra caps are looked up in the caller's CSpace, the message is decoded by
// the object's decoder, and a Call gets the result (or the error) as a reply.
#include "api/invoke.hpp"

#include "api/cspace_lookup.hpp"
#include "api/invocation.hpp"
#include "api/message.hpp"
#include "ipc/ipc.hpp"
#include "irq/interrupt.hpp"
#include "kernel/cspace.hpp"
#include "kernel/phys.hpp"
#include "thread/current.hpp"
#include "thread/user_fault.hpp"

namespace rampart::api {
namespace {

using kernel::Cap;
using kernel::CapType;
using kernel::Status;

// Work units a long operation does between checks for a waiting interrupt.
constexpr uint64_t preemption_units = 256;

bool is_ipc_cap(CapType type) {
    return type == CapType::Endpoint || type == CapType::Notification || type == CapType::Reply;
}

Decoder decoder_for(CapType type) {
    switch (type) {
    case CapType::CNode:
        return decode_cnode;
    case CapType::Untyped:
        return decode_untyped;
    case CapType::Tcb:
        return decode_tcb;
    case CapType::IrqControl:
        return decode_irq_control;
    case CapType::SchedControl:
        return decode_sched_control;
    case CapType::Domain:
        return decode_domain;
    case CapType::SchedContext:
        return decode_sched_context;
    case CapType::IrqHandler:
        return decode_irq_handler;
    case CapType::Frame:
    case CapType::PageTable:
    case CapType::VSpace:
    case CapType::AsidControl:
    case CapType::AsidPool:
        return arch::decode_invocation;
    default:
        return nullptr;
    }
}

arch::UserContext* cap_fault(arch::UserContext* ctx, uint64_t cptr, const kernel::LookupFault& f) {
    const uint64_t words[3] = {f.bits_left, f.word1, f.word2};
    return thread::cap_fault(ctx, cptr, static_cast<uint64_t>(f.kind), words, false);
}

// Send, NBSend and Call on endpoint, notification and reply caps.
bool ipc_invocation(kernel::Tcb& t, const Cap& cap, bool is_call, bool blocking, Status& status) {
    switch (cap.type()) {
    case CapType::Endpoint:
        if (!cap.rights().write()) {
            status = Status::invalid_capability(0);
            return false;
        }
        ipc::send(t, *kernel::phys_ptr<kernel::Endpoint>(cap.paddr()),
                  ipc::SendRights{cap.badge(), cap.rights().grant(), cap.rights().grant_reply()},
                  blocking, is_call);
        return true;
    case CapType::Notification:
        if (!cap.rights().write()) {
            status = Status::invalid_capability(0);
            return false;
        }
        ipc::signal(*kernel::phys_ptr<kernel::Notification>(cap.paddr()), cap.badge());
        return false; // a Call gets an empty reply
    case CapType::Reply:
        ipc::reply(t, *kernel::phys_ptr<kernel::Reply>(cap.paddr()), cap.reply_can_grant());
        return false;
    default:
        status = Status::invalid_capability(0);
        return false;
    }
}

void reply(kernel::Tcb& t, rampart_ipc_buffer* buf, const Status& s, const Results& r) {
    uint64_t words[RAMPART_ERROR_MAX_WORDS];
    const uint64_t* out = r.words;
    unsigned count = r.count;
    if (!s.is_ok()) {
        count = s.encode(words);
        out = words;
    }
    // Without an IPC buffer only the words in registers arrive, and the
    // length says so (as seL4's setMR).
    if (!buf && count > RAMPART_MSG_REGISTERS)
        count = RAMPART_MSG_REGISTERS;
    for (unsigned i = 0; i < count; ++i)
        set_mr(t, buf, i, out[i]);
    const uint64_t label = s.is_ok() ? 0 : static_cast<uint64_t>(s.error());
    t.context.set_info(rampart_msginfo_new(label, 0, 0, count));
}

} // namespace

uint64_t Invocation::arg(unsigned i) const {
    return get_mr(thread, buffer, i);
}

arch::UserContext* handle_invocation(kernel::Tcb& t, bool is_call, bool blocking) {
    arch::UserContext& ctx = t.context;
    kernel::Slot* slot = nullptr;
    if (const auto f = lookup_cap_slot(t, ctx.cptr(), slot); f.kind != kernel::LookupFailure::None)
        return cap_fault(&ctx, ctx.cptr(), f);

    const uint64_t info = ctx.info();
    if (const Cap& cap = slot->cap; cap.type() == CapType::Notification && cap.rights().write()) {
        // A signal reads no message and no extra caps (seL4's sendSignal).
        ipc::signal(*kernel::phys_ptr<kernel::Notification>(cap.paddr()), cap.badge());
        if (is_call)
            ctx.set_info(rampart_msginfo_new(0, 0, 0, 0));
        return thread::resume_point();
    }
    rampart_ipc_buffer* buf = ipc_buffer(t, BufferUse::Read);
    Invocation inv{t, *slot, slot->cap, rampart_msginfo_label(info), 0, {}, 0, buf};
    const uint64_t length = rampart_msginfo_length(info);
    inv.length =
        static_cast<unsigned>(length < RAMPART_MSG_MAX_LENGTH ? length : RAMPART_MSG_MAX_LENGTH);
    const unsigned extra = buf ? static_cast<unsigned>(rampart_msginfo_extra_caps(info)) : 0;
    for (unsigned i = 0; i < extra; ++i) {
        const uint64_t cptr = buf->caps_or_badges[i];
        if (const auto f = lookup_cap_slot(t, cptr, inv.extra[i]);
            f.kind != kernel::LookupFailure::None)
            return cap_fault(&ctx, cptr, f);
        inv.extra_count = i + 1;
    }

    Results results;
    Status status = Status::invalid_capability(0);
    if (is_ipc_cap(inv.cap.type())) {
        status = Status::ok();
        if (ipc_invocation(t, inv.cap, is_call, blocking, status))
            return thread::resume_point(); // the IPC decided the caller's state
    } else if (const Decoder decode = decoder_for(inv.cap.type())) {
        kernel::Budget budget{preemption_units, irq::interrupt_waiting};
        status = decode(inv, results, budget);
        if (status.is_preempted()) {
            // Re-execute the system call once pending interrupts are served.
            ctx.restart_syscall();
            t.state = kernel::ThreadState::Restart;
            irq::handle_pending_interrupts();
            return thread::resume_point();
        }
    }
    if (is_call &&
        (t.state == kernel::ThreadState::Running || t.state == kernel::ThreadState::Restart))
        reply(t, ipc_buffer(t, BufferUse::Write), status, results);
    return thread::resume_point();
}

} // namespace rampart::api
