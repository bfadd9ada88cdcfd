// Reply object (MCS): the way back to a caller. A Recv names a reply object;
// a Call received with it links the caller here, and the scheduling context
// the caller lent to a passive server goes home through it. Both sides of
// every link are kept (ipc/donation.hpp), so deleting either undoes it.
#pragma once

#include <rampart/objects.h>
#include <stdint.h>

namespace rampart::kernel {

struct Tcb;
struct SchedContext;

struct Reply {
    // The caller waiting for this reply (BlockedOnReply), or the receiver
    // waiting with it (BlockedOnReceive); that thread's `reply` names this.
    Tcb* tcb = nullptr;
    // A context lent over calls keeps a stack of the replies it goes back
    // through: `prev` is the older one below this, `next` the newer one
    // above, or at the top (low bit set) the context itself.
    Reply* prev = nullptr;
    uintptr_t next = 0;
    uint64_t check = 0; // invariant checker: live (kernel/invariants.hpp)
};

static_assert(sizeof(Reply) == (1u << RAMPART_REPLY_BITS));

// The context at the top of a stack, kept in its top reply's `next`.
inline constexpr uintptr_t top_of_stack = 1;

inline SchedContext* lent_context(const Reply& r) {
    return (r.next & top_of_stack) ? reinterpret_cast<SchedContext*>(r.next & ~top_of_stack)
                                   : nullptr;
}

inline Reply* newer_reply(const Reply& r) {
    return (r.next & top_of_stack) ? nullptr : reinterpret_cast<Reply*>(r.next);
}

// Hook of the last cap going away: a caller stops waiting (its context comes
// back if it was lent through here), a receiver stops receiving.
void reply_finalise(Reply& reply);

} // namespace rampart::kernel
