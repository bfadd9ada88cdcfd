// The thread control block's generic part: the caps a thread holds and its
// scheduling parameters. Threads (registers, states, IPC) extend it later.
#pragma once

#include <rampart/objects.h>
#include <stdint.h>

#include "kernel/slot.hpp"

namespace rampart::kernel {

// Slots of the small CNode inside every TCB (the zombie of a TCB clears them).
enum class TcbSlot : unsigned {
    CSpace = 0,
    VSpace = 1,
    IpcBuffer = 2,
    FaultHandler = 3,
    TimeoutHandler = 4,
    Count = 5,
};

enum class ThreadState : uint8_t { Inactive = 0, Running, Restart, BlockedOnSend, BlockedOnReceive,
                                   BlockedOnReply, BlockedOnNotification, Idle };

struct Tcb {
    Slot slots[static_cast<unsigned>(TcbSlot::Count)];
    ThreadState state = ThreadState::Inactive;
    uint8_t priority = 0;
    uint8_t mc_priority = 0;
    uint8_t domain = 0;
    uint64_t ipc_buffer_vaddr = 0;
    uint64_t tls_base = 0;
    uint64_t sched_context = 0; // paddr of the bound SchedContext, 0 when none
    uint64_t bound_notification = 0;

    [[nodiscard]] Slot& slot(TcbSlot which) { return slots[static_cast<unsigned>(which)]; }
};

// A TCB zombie clears the slots at the object's start: slots is the first member
// (checked by the host tests; Slot is not standard-layout, so no offsetof here).
static_assert(sizeof(Tcb) <= (1u << RAMPART_TCB_BITS));

// Hook of the last cap to a thread going away: suspend it and drop its
// bindings (scheduling context, notification, reply) before its slots are cleared.
void tcb_finalise(Tcb& tcb);

} // namespace rampart::kernel
