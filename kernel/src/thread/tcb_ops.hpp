// TCB operations behind the TCB invocations: spaces, IPC buffer, priorities,
// registers, suspend and resume.
#pragma once

#include "kernel/budget.hpp"
#include "kernel/status.hpp"
#include "object/tcb.hpp"

namespace rampart::thread {

using kernel::Budget;
using kernel::Slot;
using kernel::Status;
using kernel::Tcb;

// Puts a copy of the cap in `src` (transformed to `cap`) into the TCB's slot,
// deleting what was there. `cap` must name the same object as src's cap.
Status install_tcb_cap(Tcb& t, kernel::TcbSlot which, Slot& src, const kernel::Cap& cap,
                       Budget& budget);

// Validates and installs a CSpace root (CNode cap with optional guard data).
Status set_cspace(Tcb& t, Slot& root, uint64_t data, Budget& budget, unsigned arg_index);
// Validates and installs a VSpace root (a VSpace cap with an ASID).
Status set_vspace(Tcb& t, Slot& root, Budget& budget, unsigned arg_index);
// Sets the IPC buffer; vaddr 0 removes it (frame ignored). The thread's
// read-only thread-ID register (UserContext::read_only_thread_id) becomes
// vaddr too, where Rampart's runtime finds its buffer: an extension of
// seL4, which leaves that register alone (docs/sel4-compat.md).
Status set_ipc_buffer(Tcb& t, uint64_t vaddr, Slot* frame, Budget& budget, unsigned arg_index);
// Fault handler endpoint (needs send and grant or grant-reply rights).
Status set_fault_handler(Tcb& t, Slot& ep, Budget& budget, unsigned arg_index);
// Timeout handler endpoint (same rights): told when the thread's budget runs out.
Status set_timeout_handler(Tcb& t, Slot& ep, Budget& budget, unsigned arg_index);
// Moves a thread to another scheduling domain.
void set_domain(Tcb& t, unsigned domain);

// Priorities are bounded by the authority's maximum controlled priority.
Status set_priority(Tcb& t, const Tcb& authority, uint64_t priority);
Status set_mc_priority(Tcb& t, const Tcb& authority, uint64_t mcp);

void suspend(Tcb& t);
void resume(Tcb& t);

// Sets t's read-only thread-ID register; the current thread's is loaded at
// once (the others' when they are switched to).
void set_read_only_thread_id(Tcb& t, uint64_t v);

} // namespace rampart::thread
