// The debug system calls of debug builds: console output, ending the system,
// the kernel's self-check, and seL4's DebugCapIdentify, DebugNameThread and
// DebugDumpScheduler.
#pragma once

#include "arch/context.hpp"
#include "object/tcb.hpp"

#include <stdint.h>

namespace rampart::api {

arch::UserContext* debug_call(arch::UserContext* ctx, int64_t number);

// DebugDumpScheduler: prints every thread on the kernel console, one line
// each, in seL4's columns (api/debug_dump_scheduler.cpp).
void debug_dump_scheduler();

// DebugCapIdentify: the kind (enum rampart_cap_kind) of the cap `cptr` names
// in the caller's CSpace; RAMPART_CAP_KIND_NULL when it names none.
uint64_t debug_cap_identify(kernel::Tcb& caller, uint64_t cptr);

// DebugNameThread: names the thread whose TCB cap `cptr` names with the
// NUL-terminated string at the start of the caller's IPC buffer message
// words, keeping what fits in the TCB. Refused (nothing changes) when `cptr`
// names no TCB cap, when the caller has no IPC buffer it may read and write,
// or when no NUL ends the name within the message words. seL4 halts the
// system in these cases; Rampart reports them and carries on.
enum class NameRefusal : uint8_t { None = 0, NotTcb, NoIpcBuffer, NoNul };
NameRefusal debug_name_thread(kernel::Tcb& caller, uint64_t cptr);
void report_name_refusal(const kernel::Tcb& caller, uint64_t cptr, NameRefusal why);

} // namespace rampart::api
