// User faults: never a kernel panic. The thread's fault handler gets the
// fault as a message; without one the thread stops and a debug kernel says why.
#include "thread/user_fault.hpp"

#include "config.hpp"
#include "ipc/fault.hpp"
#include "log/print.hpp"
#include "thread/current.hpp"

#include <rampart/faults.h>

namespace rampart::thread {

arch::UserContext* handle_user_fault(arch::UserContext* ctx, const UserFault& fault) {
    kernel::Tcb* t = current();
    if (!t)
        return resume_point();
    uint64_t words[8] = {};
    unsigned count = 0;
    kernel::FaultType type = kernel::FaultType::UserException;
    switch (fault.kind) {
    case UserFault::Kind::vm:
        type = kernel::FaultType::VmFault;
        words[0] = ctx->ip();
        words[1] = fault.address;
        words[2] = fault.instruction ? 1 : 0;
        words[3] = fault.esr;
        count = RAMPART_FAULT_VM_WORDS;
        break;
    case UserFault::Kind::user_exception:
        words[0] = ctx->ip();
        words[1] = ctx->stack_pointer();
        words[2] = ctx->flags();
        words[3] = (fault.esr >> 26) & 0x3f;
        words[4] = fault.esr;
        count = RAMPART_FAULT_USER_EXCEPTION_WORDS;
        break;
    case UserFault::Kind::unknown_syscall:
        type = kernel::FaultType::UnknownSyscall;
        break;
    case UserFault::Kind::cap_fault:
        type = kernel::FaultType::CapFault;
        words[0] = ctx->ip();
        words[1] = fault.address;
        words[2] = fault.instruction ? 1 : 0; // in the receive phase
        words[3] = fault.esr;                 // lookup failure kind
        words[4] = fault.lookup_words[0];
        words[5] = fault.lookup_words[1];
        words[6] = fault.lookup_words[2];
        count = RAMPART_FAULT_CAP_WORDS;
        break;
    }
    if (ipc::send_fault(*t, type, words, count))
        return resume_point();
    if (config::debug) {
        using log::Hex;
        static const char* const kinds[] = {"VM fault", "user exception", "unknown system call",
                                            "cap fault"};
        log::print("rampart: thread '", t->name,
                   "' suspended: ", kinds[static_cast<int>(fault.kind)], " (", fault.description,
                   ") at pc ", Hex{ctx->ip()}, ", address ", Hex{fault.address}, ", ESR ",
                   Hex{fault.esr}, "\n");
    }
    t->state = kernel::ThreadState::Inactive;
    return resume_point();
}

arch::UserContext* cap_fault(arch::UserContext* ctx, uint64_t cptr, uint64_t lookup_kind,
                             const uint64_t lookup_words[3], bool in_receive) {
    UserFault f{};
    f.kind = UserFault::Kind::cap_fault;
    f.address = cptr;
    f.esr = lookup_kind;
    f.instruction = in_receive;
    f.description = "capability lookup failed";
    for (unsigned i = 0; i < 3; ++i)
        f.lookup_words[i] = lookup_words[i];
    return handle_user_fault(ctx, f);
}

} // namespace rampart::thread
