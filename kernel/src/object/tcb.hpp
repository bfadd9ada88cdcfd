// The thread control block: the caps a thread holds (a small CNode at the
// start of the object), its user registers, and its scheduling and IPC state.
#pragma once

#include <arch/context.hpp>
#include <arch/fpu.hpp>
#include <rampart/objects.h>
#include <rampart/syscalls.h>
#include <stdint.h>

#include "kernel/slot.hpp"
#include "lib/intrusive_list.hpp"

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

enum class ThreadState : uint8_t {
    Inactive = 0,
    Running,
    Restart, // runnable; re-executes its system call when next scheduled
    BlockedOnSend,
    BlockedOnReceive,
    BlockedOnReply,
    BlockedOnNotification,
    Idle,
};

struct Reply;
struct SchedContext;
struct Notification;

// Why a thread stopped, kept until its fault handler has been told.
enum class FaultType : uint8_t { None = 0, CapFault, UnknownSyscall, UserException, Debug, Timeout, VmFault };

struct Tcb {
    Slot slots[static_cast<unsigned>(TcbSlot::Count)]; // first: the TCB zombie clears them
    arch::UserContext context;
    ThreadState state = ThreadState::Inactive;
    uint8_t priority = 0;
    uint8_t mc_priority = 0;
    uint8_t domain = 0;
    FaultType fault = FaultType::None;
    bool in_ready_queue = false;
    bool in_release_queue = false; // runnable, waiting for its budget to come back
    uint8_t fault_length = 0;
    // IPC state while blocked: the cap's badge and rights, and the call's reply.
    bool ipc_can_grant = false;
    bool ipc_can_grant_reply = false;
    bool ipc_is_call = false;
    uint64_t ipc_badge = 0;
    void* blocked_on = nullptr; // endpoint or notification queued on
    Reply* reply = nullptr;     // the reply object this thread waits with (receive / call)
    uint64_t ipc_buffer_vaddr = 0;
    uint64_t fault_words[8] = {};
    SchedContext* sched_context = nullptr;
    Notification* bound_notification = nullptr;
    lib::Link<Tcb> sched_link; // ready queue
    lib::Link<Tcb> ipc_link;   // endpoint / notification queue
    char name[RAMPART_DEBUG_NAME_KEPT] = {}; // for fault reports (DebugNameThread sets it)
    // Marks of the invariant checker's latest run (kernel/invariants.hpp).
    uint64_t check_live = 0;
    uint64_t check_ipc_queue = 0;
    uint64_t check_sched_queue = 0;
    arch::FpuState fpu = {};   // FP/SIMD registers while another thread owns them

    [[nodiscard]] Slot& slot(TcbSlot which) { return slots[static_cast<unsigned>(which)]; }
    [[nodiscard]] const Slot& slot(TcbSlot which) const {
        return slots[static_cast<unsigned>(which)];
    }
};

static_assert(sizeof(Tcb) <= (1u << RAMPART_TCB_BITS));

// Hook of the last cap to a thread going away: suspend it and drop its
// bindings (scheduling context, notification, reply) before its slots are cleared.
void tcb_finalise(Tcb& tcb);

} // namespace rampart::kernel
