// Building the root task: its objects from the boot allocator (TCB, CNode,
// VSpace and tables, ASID pool, IPC buffer, boot info, scheduling context),
// its address space from the loaded image, and the capabilities to all of it
// in its CNode: the fixed slots of kernel/include/rampart/bootinfo.h, then, as
// seL4 orders them, the paging caps, the extra boot information's frames, the
// SchedControl cap, the image's frames, the untypeds, the empty slots.
#pragma once

#include "object/tcb.hpp"

#include <rampart/boot_handoff.h>
#include <rampart/bootinfo.h>

namespace rampart::boot {

inline constexpr uint16_t root_asid = 1;

struct RootTask {
    kernel::Tcb* tcb;
    uint64_t vspace_root; // physical address of the level-1 table
    rampart_bootinfo* bootinfo;
    kernel::Slot* cnode;
    unsigned cnode_bits;
    uint64_t next_free_slot;
};

// The root CNode's size from the handoff, or 0 when it is out of range.
unsigned root_cnode_bits(const rampart_boot_handoff& handoff);

// Physical homes of the root task's boot objects (from the boot memory plan).
struct BootObjects {
    uint64_t cnode, vspace, tcb, sched_context, asid_pool, bootinfo, ipc_buffer;
    const uint64_t* page_tables;
    uint32_t page_table_count;
};

// Returns false (after saying why) when the image cannot be mapped or its caps
// and those of untyped_count untypeds do not fit the root CNode.
[[nodiscard]] bool create_root_task(const rampart_boot_handoff& handoff, const BootObjects& objects,
                                    uint32_t untyped_count, RootTask& out);

} // namespace rampart::boot
