// The root task's initial state. Its objects (TCB, VSpace tables, IPC buffer,
// boot-info frame) come from the boot allocator; the capabilities to them are
// placed in its CSpace when the capability layer is wired in (issue 3).
#include "boot/root_task.hpp"

#include "arch/kernel_window.hpp"
#include "arch/vspace.hpp"
#include "log/print.hpp"

#include <rampart/bootinfo.h>

namespace rampart::boot {
namespace {

constexpr unsigned page_bits = RAMPART_PAGE_BITS;
constexpr uint64_t page = RAMPART_PAGE_SIZE;
constexpr unsigned thread_bits = 11; // a TCB's size, as in seL4

uint64_t take_table(void* self) { return static_cast<BootAllocator*>(self)->alloc(page_bits); }

arch::Access access_of(uint64_t perms) {
    return arch::Access{true, (perms & RAMPART_SEG_W) != 0, (perms & RAMPART_SEG_X) != 0};
}

} // namespace

bool create_root_task(const rampart_boot_handoff& h, BootAllocator& alloc, RootTask& out) {
    const arch::TableSource tables{take_table, &alloc};
    out.vspace_root = alloc.alloc(page_bits);
    out.asid = 1;
    const uint64_t thread_mem = alloc.alloc(thread_bits);
    const uint64_t ipc_frame = alloc.alloc(page_bits);
    const uint64_t bootinfo_frame = alloc.alloc(page_bits);
    if (!out.vspace_root || !thread_mem || !ipc_frame || !bootinfo_frame) {
        log::print("rampart: boot: no memory for the root task's objects\n");
        return false;
    }

    uint64_t top = 0;
    for (uint32_t i = 0; i < h.segment_count && i < RAMPART_MAX_ROOT_SEGMENTS; ++i) {
        const rampart_user_segment& s = h.segments[i];
        for (uint64_t off = 0; off < s.size; off += page) {
            if (!arch::map_user_page(out.vspace_root, s.vaddr + off, s.paddr + off,
                                     access_of(s.perms), arch::MemType::normal, tables)) {
                log::print("rampart: boot: cannot map the root task at ",
                           log::Hex{s.vaddr + off}, "\n");
                return false;
            }
        }
        if (s.vaddr + s.size > top)
            top = s.vaddr + s.size;
    }
    // IPC buffer and boot info follow the image.
    const uint64_t ipc_vaddr = top;
    const uint64_t bootinfo_vaddr = top + page;
    if (!arch::map_user_page(out.vspace_root, ipc_vaddr, ipc_frame, {true, true, false},
                             arch::MemType::normal, tables) ||
        !arch::map_user_page(out.vspace_root, bootinfo_vaddr, bootinfo_frame, {true, false, false},
                             arch::MemType::normal, tables)) {
        log::print("rampart: boot: cannot map the root task's IPC buffer and boot info\n");
        return false;
    }

    auto* bi = kernel::ptr_from_paddr<rampart_bootinfo>(bootinfo_frame);
    bi->magic = RAMPART_BOOTINFO_MAGIC;
    bi->version = RAMPART_BOOTINFO_VERSION;
    bi->node_id = 0;
    bi->node_count = 1;
    bi->ipc_buffer = ipc_vaddr;
    bi->boot_data = h.boot_data_vaddr;
    bi->boot_data_size = h.boot_data_size;

    auto* t = kernel::ptr_from_paddr<thread::Thread>(thread_mem);
    t->name = "root";
    t->runnable = true;
    t->context.pc = h.root_entry;
    t->context.spsr = arch::UserContext::spsr_el0;
    t->context.x[0] = bootinfo_vaddr;
    out.thread = t;
    return true;
}

} // namespace rampart::boot
