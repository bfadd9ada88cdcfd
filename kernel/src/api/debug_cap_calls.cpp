// The debug calls that name a cap: DebugCapIdentify and DebugNameThread. The
// name is the one thing any debug call reads from user memory: from the
// caller's IPC buffer, through the kernel window, never past its message words.
#include "api/debug_calls.hpp"

#include "api/cspace_lookup.hpp"
#include "api/message.hpp"
#include "log/print.hpp"

#include <rampart/syscalls.h>

namespace rampart::api {

namespace {

using kernel::CapType;

// seL4's capType numbers (rampart/syscalls.h). No default: a new cap type
// does not compile until it has its number here.
uint64_t cap_kind(CapType type) {
    switch (type) {
    case CapType::Null:
        return RAMPART_CAP_KIND_NULL;
    case CapType::Untyped:
        return RAMPART_CAP_KIND_UNTYPED;
    case CapType::Endpoint:
        return RAMPART_CAP_KIND_ENDPOINT;
    case CapType::Notification:
        return RAMPART_CAP_KIND_NOTIFICATION;
    case CapType::Reply:
        return RAMPART_CAP_KIND_REPLY;
    case CapType::CNode:
        return RAMPART_CAP_KIND_CNODE;
    case CapType::Tcb:
        return RAMPART_CAP_KIND_TCB;
    case CapType::SchedContext:
        return RAMPART_CAP_KIND_SCHED_CONTEXT;
    case CapType::SchedControl:
        return RAMPART_CAP_KIND_SCHED_CONTROL;
    case CapType::IrqControl:
        return RAMPART_CAP_KIND_IRQ_CONTROL;
    case CapType::IrqHandler:
        return RAMPART_CAP_KIND_IRQ_HANDLER;
    case CapType::Domain:
        return RAMPART_CAP_KIND_DOMAIN;
    case CapType::AsidControl:
        return RAMPART_CAP_KIND_ASID_CONTROL;
    case CapType::AsidPool:
        return RAMPART_CAP_KIND_ASID_POOL;
    case CapType::Frame:
        return RAMPART_CAP_KIND_FRAME;
    case CapType::PageTable:
        return RAMPART_CAP_KIND_PAGE_TABLE;
    case CapType::VSpace:
        return RAMPART_CAP_KIND_VSPACE;
    case CapType::Zombie:
        return RAMPART_CAP_KIND_ZOMBIE;
    }
    return RAMPART_CAP_KIND_NULL;
}

// The cap `cptr` names in the caller's CSpace, or nullptr (seL4's
// lookupCapAndSlot gives the null cap then).
const kernel::Cap* lookup(kernel::Tcb& caller, uint64_t cptr) {
    kernel::Slot* slot = nullptr;
    if (lookup_cap_slot(caller, cptr, slot).kind != kernel::LookupFailure::None)
        return nullptr;
    return &slot->cap;
}

} // namespace

uint64_t debug_cap_identify(kernel::Tcb& caller, uint64_t cptr) {
    const kernel::Cap* cap = lookup(caller, cptr);
    return cap_kind(cap ? cap->type() : CapType::Null);
}

NameRefusal debug_name_thread(kernel::Tcb& caller, uint64_t cptr) {
    const kernel::Cap* cap = lookup(caller, cptr);
    if (!cap || cap->type() != CapType::Tcb)
        return NameRefusal::NotTcb;
    // seL4 asks for a buffer the caller could receive into (read and write).
    const rampart_ipc_buffer* buf = ipc_buffer(caller, BufferUse::Write);
    if (!buf)
        return NameRefusal::NoIpcBuffer;
    const char* name = reinterpret_cast<const char*>(buf->msg);
    constexpr uint64_t space = sizeof buf->msg;
    uint64_t length = 0;
    while (length < space && name[length] != '\0')
        ++length;
    if (length == space)
        return NameRefusal::NoNul;
    kernel::Tcb& named = *kernel::phys_ptr<kernel::Tcb>(cap->paddr());
    for (uint64_t i = 0; i < sizeof named.name; ++i)
        named.name[i] = i < length && i + 1 < sizeof named.name ? name[i] : '\0';
    return NameRefusal::None;
}

void report_name_refusal(const kernel::Tcb& caller, uint64_t cptr, NameRefusal why) {
    static const char* const reasons[] = {
        "", "names no TCB", "the caller has no IPC buffer it may read and write",
        "no NUL ends the name within the IPC buffer's message words"};
    log::print("rampart: DebugNameThread from thread '", caller.name, "' (cap ", log::Hex{cptr},
               ") refused, nothing changed: ", reasons[static_cast<unsigned>(why)], "\n");
}

} // namespace rampart::api
