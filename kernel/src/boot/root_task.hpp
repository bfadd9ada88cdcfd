// Building the root task: its objects from the boot allocator (TCB, CNode,
// VSpace and tables, ASID pool, IPC buffer, boot info, scheduling context),
// its address space from the loaded image, and the capabilities to all of it
// in its CNode (slots as in kernel/include/rampart/bootinfo.h).
#pragma once

#include "object/tcb.hpp"

#include <rampart/boot_handoff.h>
#include <rampart/bootinfo.h>

namespace rampart::boot {

inline constexpr unsigned root_cnode_radix = RAMPART_ROOT_CNODE_RADIX;
inline constexpr uint16_t root_asid = 1;

struct RootTask {
    kernel::Tcb* tcb;
    uint64_t vspace_root; // physical address of the level-1 table
    rampart_bootinfo* bootinfo;
    kernel::Slot* cnode;
    uint64_t next_free_slot;
};

// Physical homes of the root task's boot objects (from the boot memory plan).
struct BootObjects {
    uint64_t cnode, vspace, tcb, sched_context, asid_pool, bootinfo, ipc_buffer;
    const uint64_t* page_tables;
    uint32_t page_table_count;
};

// Returns false (after saying why) when the image cannot be mapped.
[[nodiscard]] bool create_root_task(const rampart_boot_handoff& handoff, const BootObjects& objects,
                                    RootTask& out);

} // namespace rampart::boot
