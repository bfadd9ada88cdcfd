// Building the root task: its address space from the loaded image, its IPC
// buffer and boot-info page, and its thread.
#pragma once

#include "boot/boot_alloc.hpp"
#include "thread/current.hpp"

#include <rampart/boot_handoff.h>

namespace rampart::boot {

struct RootTask {
    thread::Thread* thread;
    uint64_t vspace_root; // physical address of the level-1 table
    uint16_t asid;
};

// Returns false (after saying why) when the image cannot be mapped.
[[nodiscard]] bool create_root_task(const rampart_boot_handoff& handoff, BootAllocator& alloc,
                                    RootTask& out);

} // namespace rampart::boot
