// DebugDumpScheduler: every thread on the kernel console, one line each, in
// the columns seL4's debug kernels print (name, state, next instruction,
// priority, domain, whether it waits in the release queue). The threads are
// found by walking the derivation list, where all caps to one object lie
// together: each TCB is printed at the first of its caps.
#include "api/debug_calls.hpp"

#include "kernel/mdb.hpp"
#include "kernel/phys.hpp"
#include "log/print.hpp"
#include "object/tcb.hpp"

#include <rampart/domains.h>

namespace rampart::api {

namespace {

using kernel::ThreadState;

// seL4's state names (its debug_printTCB).
const char* state_name(ThreadState s) {
    switch (s) {
    case ThreadState::Inactive:
        return "inactive";
    case ThreadState::Running:
        return "running";
    case ThreadState::Restart:
        return "restart";
    case ThreadState::BlockedOnReceive:
        return "blocked on recv";
    case ThreadState::BlockedOnSend:
        return "blocked on send";
    case ThreadState::BlockedOnReply:
        return "blocked on reply";
    case ThreadState::BlockedOnNotification:
        return "blocked on ntfn";
    case ThreadState::Idle:
        return "idle";
    }
    return "unknown";
}

// Column widths and separator, as seL4 pads them: name 40, state 16, IP 18
// ("0x" and 16 digits), priority 4, domain 4 (more than one domain), release
// queue 14 (MCS).
constexpr const char* gap = "   ";
static_assert(RAMPART_DOMAIN_COUNT > 1, "seL4 prints the Dom column only with several domains");

void print_thread(const kernel::Tcb& t) {
    log::print(log::Left{t.name, 40}, gap, log::Left{state_name(t.state), 16}, gap,
               log::LeftHex{t.context.ip(), 18}, gap, log::Right{t.priority, 4}, gap,
               log::Right{t.domain, 4}, gap, log::Left{t.in_release_queue ? "yes" : "no", 14},
               "\n");
}

} // namespace

void debug_dump_scheduler() {
    log::print("Dumping all tcbs!\n", log::Left{"Name", 40}, gap, log::Left{"State", 16}, gap,
               log::Left{"IP", 18}, gap, log::Left{"Prio", 4}, gap, " Dom", gap,
               log::Left{"InReleaseQueue", 14}, "\n");
    // seL4's rule: 88 dashes, 7 more for the Dom column, 17 for MCS's.
    for (unsigned i = 0; i < 88 + 7 + 17; ++i)
        log::put('-');
    log::put('\n');
    const kernel::Slot* prev = nullptr;
    for (const kernel::Slot* s = kernel::mdb_sentinel().next(); s != nullptr;
         prev = s, s = s->next()) {
        if (s->cap.type() != kernel::CapType::Tcb ||
            (prev != nullptr && kernel::same_object_as(prev->cap, s->cap)))
            continue;
        print_thread(*kernel::phys_ptr<const kernel::Tcb>(s->cap.paddr()));
    }
}

} // namespace rampart::api
