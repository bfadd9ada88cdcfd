// An invocation of a kernel object: a Call (or Send) on an object cap, decoded
// from the caller's message into typed arguments for the object's operation.
#pragma once

#include "kernel/budget.hpp"
#include "kernel/slot.hpp"
#include "kernel/status.hpp"
#include "object/tcb.hpp"

#include <rampart/message.h>

namespace rampart::api {

struct Invocation {
    kernel::Tcb& thread;
    kernel::Slot& slot; // the invoked cap's slot
    kernel::Cap cap;
    uint64_t label;
    unsigned length; // message words available
    kernel::Slot* extra[RAMPART_MSG_MAX_EXTRA_CAPS];
    unsigned extra_count;
    rampart_ipc_buffer* buffer;

    // Message word i; callers check `length` first (see need()).
    [[nodiscard]] uint64_t arg(unsigned i) const;
    // TruncatedMessage unless `words` words and `caps` extra caps were sent.
    [[nodiscard]] bool has(unsigned words, unsigned caps = 0) const {
        return length >= words && extra_count >= caps;
    }
};

// Result words of a successful invocation, returned as the reply's message.
struct Results {
    static constexpr unsigned max = 40;
    uint64_t words[max];
    unsigned count = 0;
    void push(uint64_t w) {
        if (count < max)
            words[count++] = w;
    }
};

using Decoder = kernel::Status (*)(const Invocation&, Results&, kernel::Budget&);

kernel::Status decode_cnode(const Invocation& inv, Results& out, kernel::Budget& budget);
kernel::Status decode_untyped(const Invocation& inv, Results& out, kernel::Budget& budget);
kernel::Status decode_tcb(const Invocation& inv, Results& out, kernel::Budget& budget);
kernel::Status decode_domain(const Invocation& inv, Results& out, kernel::Budget& budget);
kernel::Status decode_sched_control(const Invocation& inv, Results& out, kernel::Budget& budget);
kernel::Status decode_sched_context(const Invocation& inv, Results& out, kernel::Budget& budget);
kernel::Status decode_irq_control(const Invocation& inv, Results& out, kernel::Budget& budget);
kernel::Status decode_irq_handler(const Invocation& inv, Results& out, kernel::Budget& budget);

} // namespace rampart::api

namespace rampart::arch {
// Frames, page tables, VSpaces, ASID control and pools.
kernel::Status decode_invocation(const api::Invocation& inv, api::Results& out,
                                 kernel::Budget& budget);
} // namespace rampart::arch
