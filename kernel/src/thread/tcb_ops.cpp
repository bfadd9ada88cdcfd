// TCB operations (seL4 semantics where it has them).
#include "thread/tcb_ops.hpp"

#include "arch/vspace.hpp"
#include "ipc/ipc.hpp"
#include "kernel/cap_ops.hpp"
#include "kernel/delete.hpp"
#include "kernel/mdb.hpp"
#include "sched/scheduler.hpp"
#include "thread/current.hpp"

#include <rampart/message.h>

namespace rampart::thread {

using kernel::Cap;
using kernel::CapType;
using kernel::TcbSlot;

Status install_tcb_cap(Tcb& t, TcbSlot which, Slot& src, const Cap& cap, Budget& budget) {
    Slot& dest = t.slot(which);
    if (!dest.cap.is_null()) {
        const Status s = kernel::cte_delete(dest, budget);
        if (!s.is_ok())
            return s;
    }
    // The source may have gone while the old cap was deleted (it could be a descendant).
    if (src.cap.is_null() || !kernel::same_object_as(src.cap, cap))
        return Status::ok();
    kernel::mdb_insert(cap, src, dest);
    return Status::ok();
}

Status set_cspace(Tcb& t, Slot& root, uint64_t data, Budget& budget, unsigned arg_index) {
    Cap cap;
    if (const Status s = kernel::derive_cap(root, root.cap, cap); !s.is_ok())
        return s;
    if (data != 0)
        cap = kernel::update_cap_data(false, data, cap);
    if (cap.type() != CapType::CNode)
        return Status::invalid_capability(arg_index);
    return install_tcb_cap(t, TcbSlot::CSpace, root, cap, budget);
}

Status set_vspace(Tcb& t, Slot& root, Budget& budget, unsigned arg_index) {
    Cap cap;
    if (const Status s = kernel::derive_cap(root, root.cap, cap); !s.is_ok())
        return s;
    if (cap.type() != CapType::VSpace || !cap.table_is_mapped())
        return Status::invalid_capability(arg_index);
    const Status s = install_tcb_cap(t, TcbSlot::VSpace, root, cap, budget);
    if (&t == current()) // it returns from this call into its new space (or none, if preempted)
        arch::vspace_activate_for(t.slot(TcbSlot::VSpace).cap);
    return s;
}

void set_read_only_thread_id(Tcb& t, uint64_t v) {
    t.context.set_read_only_thread_id(v);
    if (&t == current())
        arch::load_read_only_thread_id(v);
}

Status set_ipc_buffer(Tcb& t, uint64_t vaddr, Slot* frame, Budget& budget, unsigned arg_index) {
    if (vaddr == 0) {
        Slot& dest = t.slot(TcbSlot::IpcBuffer);
        if (!dest.cap.is_null())
            if (const Status s = kernel::cte_delete(dest, budget); !s.is_ok())
                return s;
        t.ipc_buffer_vaddr = 0;
        set_read_only_thread_id(t, 0);
        return Status::ok();
    }
    if (vaddr & lib::mask(RAMPART_IPC_BUFFER_BITS))
        return Status::alignment_error();
    if (!frame || frame->cap.type() != CapType::Frame || frame->cap.frame_is_device())
        return Status::invalid_capability(arg_index);
    Cap cap;
    if (const Status s = kernel::derive_cap(*frame, frame->cap, cap); !s.is_ok())
        return s;
    const Status s = install_tcb_cap(t, TcbSlot::IpcBuffer, *frame, cap, budget);
    if (s.is_ok()) {
        t.ipc_buffer_vaddr = vaddr;
        set_read_only_thread_id(t, vaddr);
    }
    return s;
}

namespace {

Status set_handler(Tcb& t, TcbSlot which, Slot& ep, Budget& budget, unsigned arg_index) {
    const Cap& c = ep.cap;
    if (c.is_null()) // no handler (seL4 MCS: a null cap is a valid fault handler)
        return install_tcb_cap(t, which, ep, c, budget);
    if (c.type() != CapType::Endpoint || !c.rights().write() ||
        !(c.rights().grant() || c.rights().grant_reply()))
        return Status::invalid_capability(arg_index);
    Cap cap;
    if (const Status s = kernel::derive_cap(ep, c, cap); !s.is_ok())
        return s;
    return install_tcb_cap(t, which, ep, cap, budget);
}

} // namespace

Status set_fault_handler(Tcb& t, Slot& ep, Budget& budget, unsigned arg_index) {
    return set_handler(t, TcbSlot::FaultHandler, ep, budget, arg_index);
}

Status set_timeout_handler(Tcb& t, Slot& ep, Budget& budget, unsigned arg_index) {
    return set_handler(t, TcbSlot::TimeoutHandler, ep, budget, arg_index);
}

void set_domain(Tcb& t, unsigned domain) {
    const bool queued = t.in_ready_queue || t.in_release_queue;
    sched::remove(&t);
    t.domain = static_cast<uint8_t>(domain);
    if (queued)
        sched::make_runnable(&t);
    if (&t == current())
        sched::timeslice_expired(); // it may no longer run in this domain's slot
}

Status set_priority(Tcb& t, const Tcb& authority, uint64_t priority) {
    if (priority > authority.mc_priority)
        return Status::range_error(0, authority.mc_priority);
    // Off its queue and back (the release queue too: it waits there for budget).
    const bool queued = t.in_ready_queue || t.in_release_queue;
    sched::remove(&t);
    t.priority = static_cast<uint8_t>(priority);
    if (queued)
        sched::make_runnable(&t);
    return Status::ok(); // the way out of the kernel picks the highest priority
}

Status set_mc_priority(Tcb& t, const Tcb& authority, uint64_t mcp) {
    if (mcp > authority.mc_priority)
        return Status::range_error(0, authority.mc_priority);
    t.mc_priority = static_cast<uint8_t>(mcp);
    return Status::ok();
}

void suspend(Tcb& t) {
    // A thread blocked in a system call makes it again when resumed (seL4's
    // Restart); a fault in progress stays at the faulting instruction.
    const auto s = t.state;
    if (t.fault == kernel::FaultType::None &&
        (s == kernel::ThreadState::BlockedOnSend || s == kernel::ThreadState::BlockedOnReceive ||
         s == kernel::ThreadState::BlockedOnNotification ||
         s == kernel::ThreadState::BlockedOnReply))
        t.context.restart_syscall();
    ipc::cancel(t);
    sched::remove(&t);
    t.state = kernel::ThreadState::Inactive;
}

// seL4's restart(): a stopped thread — inactive, or blocked in IPC (a
// faulted thread waits for its fault reply) — leaves any IPC and runs again.
void resume(Tcb& t) {
    const auto s = t.state;
    if (s == kernel::ThreadState::BlockedOnSend || s == kernel::ThreadState::BlockedOnReceive ||
        s == kernel::ThreadState::BlockedOnNotification || s == kernel::ThreadState::BlockedOnReply)
        suspend(t);
    if (t.state != kernel::ThreadState::Inactive)
        return;
    t.fault = kernel::FaultType::None; // a fault not replied to is abandoned
    t.state = kernel::ThreadState::Restart;
    sched::make_runnable(&t);
}

} // namespace rampart::thread
