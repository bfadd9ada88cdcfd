// The root task's initial state and capabilities.
#include "boot/root_task.hpp"

#include "arch/asid.hpp"
#include "arch/boot_map.hpp"
#include "arch/kernel_window.hpp"
#include "kernel/cap.hpp"
#include "kernel/mdb.hpp"
#include "lib/placement_new.hpp"
#include "log/print.hpp"
#include "object/sched_context.hpp"
#include "sched/sched_context_ops.hpp"

#include <rampart/objects.h>
#include <rampart/root_layout.hpp>

namespace rampart::boot {
namespace {

using kernel::Cap;
using kernel::Paddr;
using kernel::Rights;

constexpr uint64_t page = RAMPART_PAGE_SIZE;
constexpr uint64_t root_time_slice_us = 5000;

// Page tables taken while mapping the image get caps in the root CNode.
struct TableMaker {
    const BootObjects* objects;
    uint32_t used;
    RootTask* root;
    uint64_t vaddr; // the address being mapped, which the new table serves
};

void put_cap(RootTask& r, uint64_t slot, const Cap& cap) {
    kernel::mdb_insert_root(cap, r.cnode[slot]);
}

uint64_t make_table(void* self) {
    auto* m = static_cast<TableMaker*>(self);
    if (m->used == m->objects->page_table_count)
        return 0;
    const uint64_t table = m->objects->page_tables[m->used++];
    if (m->root->next_free_slot < (1u << root_cnode_radix))
        put_cap(*m->root, m->root->next_free_slot++,
                Cap::page_table(Paddr{table}, (uint64_t{root_asid} << 48) | m->vaddr, true));
    return table;
}

arch::Access access_of(uint64_t perms) {
    return arch::Access{true, (perms & RAMPART_SEG_W) != 0, (perms & RAMPART_SEG_X) != 0};
}

bool map_frame(RootTask& r, TableMaker& tables, uint64_t vaddr, uint64_t paddr, arch::Access a,
               uint64_t slot) {
    tables.vaddr = vaddr;
    if (!arch::map_user_page(r.vspace_root, vaddr, paddr, a, arch::MemType::normal,
                             arch::TableSource{make_table, &tables}))
        return false;
    const Rights rights{RAMPART_RIGHT_READ | (a.write ? RAMPART_RIGHT_WRITE : 0u)};
    put_cap(r, slot,
            Cap::frame(Paddr{paddr}, kernel::FrameSize::Small, rights, false,
                       (uint64_t{root_asid} << 48) | vaddr));
    return true;
}

} // namespace

bool create_root_task(const rampart_boot_handoff& h, const BootObjects& o, RootTask& r) {
    const uint64_t cnode = o.cnode, tcb = o.tcb, pool = o.asid_pool, sc = o.sched_context;
    const uint64_t ipc_frame = o.ipc_buffer, bootinfo_frame = o.bootinfo;
    r.vspace_root = o.vspace;
    r.cnode = kernel::ptr_from_paddr<kernel::Slot>(cnode);
    r.tcb = new (kernel::ptr_from_paddr(tcb)) kernel::Tcb{};
    auto* sched = new (kernel::ptr_from_paddr(sc)) kernel::SchedContext{};
    sched->refill_max = kernel::sched_context_refills(RAMPART_SCHED_CONTEXT_MIN_BITS);
    // Round robin with a 5 ms slice, until the root task says otherwise.
    (void)sched::configure(*sched, sched->refill_max, root_time_slice_us, root_time_slice_us, 0, 0);
    r.bootinfo = kernel::ptr_from_paddr<rampart_bootinfo>(bootinfo_frame);

    // ASID 1 in pool 0 (ASID 0 is never handed out).
    arch::asid_pool_install(0, Paddr{pool});
    kernel::ptr_from_paddr<arch::AsidPool>(pool)->vspace[root_asid] = r.vspace_root;

    const Cap cnode_cap =
        Cap::cnode(Paddr{cnode}, root_cnode_radix, RAMPART_WORD_BITS - root_cnode_radix, 0);
    put_cap(r, RAMPART_ROOT_TCB, Cap::tcb(Paddr{tcb}));
    put_cap(r, RAMPART_ROOT_CNODE, cnode_cap);
    put_cap(r, RAMPART_ROOT_VSPACE, Cap::vspace(Paddr{r.vspace_root}, root_asid, true));
    put_cap(r, RAMPART_ROOT_IRQ_CONTROL, Cap::irq_control());
    put_cap(r, RAMPART_ROOT_ASID_CONTROL, Cap::asid_control());
    put_cap(r, RAMPART_ROOT_ASID_POOL, Cap::asid_pool(Paddr{pool}, 0));
    put_cap(r, RAMPART_ROOT_DOMAIN, Cap::domain());
    put_cap(r, RAMPART_ROOT_SCHED_CONTROL, Cap::sched_control(0));
    put_cap(r, RAMPART_ROOT_SC,
            Cap::sched_context(Paddr{sc}, kernel::SizeBits{RAMPART_SCHED_CONTEXT_MIN_BITS}));

    // The image: one frame cap per page, then the tables the mapping needed.
    r.next_free_slot = RAMPART_ROOT_FIRST_FREE;
    TableMaker tables{&o, 0, &r, 0};
    const uint64_t first_frame_slot = r.next_free_slot;
    uint64_t frames = 0;
    for (uint32_t i = 0; i < h.segment_count && i < RAMPART_MAX_ROOT_SEGMENTS; ++i) {
        const rampart_user_segment& s = h.segments[i];
        frames += s.size / page;
    }
    r.next_free_slot += frames;
    uint64_t slot = first_frame_slot;
    for (uint32_t i = 0; i < h.segment_count && i < RAMPART_MAX_ROOT_SEGMENTS; ++i) {
        const rampart_user_segment& s = h.segments[i];
        for (uint64_t off = 0; off < s.size; off += page) {
            if (!map_frame(r, tables, s.vaddr + off, s.paddr + off, access_of(s.perms), slot++)) {
                log::print("rampart: boot: cannot map the root task at ", log::Hex{s.vaddr + off},
                           "\n");
                return false;
            }
        }
    }
    // The IPC buffer and the boot-info page follow the image (root_layout.hpp).
    const root_layout::Layout layout = root_layout::compute(h.segments, h.segment_count);
    const uint64_t ipc_vaddr = layout.ipc_buffer, bootinfo_vaddr = layout.bootinfo;
    if (!map_frame(r, tables, ipc_vaddr, ipc_frame, {true, true, false}, RAMPART_ROOT_IPC_BUFFER) ||
        !map_frame(r, tables, bootinfo_vaddr, bootinfo_frame, {true, false, false},
                   RAMPART_ROOT_BOOTINFO_FRAME)) {
        log::print("rampart: boot: cannot map the root task's IPC buffer and boot info\n");
        return false;
    }

    rampart_bootinfo* bi = r.bootinfo;
    bi->magic = RAMPART_BOOTINFO_MAGIC;
    bi->version = RAMPART_BOOTINFO_VERSION;
    bi->node_id = 0;
    bi->node_count = 1;
    bi->root_cnode_bits = root_cnode_radix;
    bi->ipc_buffer = ipc_vaddr;
    bi->boot_data = h.boot_data_vaddr;
    bi->boot_data_size = h.boot_data_size;
    bi->user_image_frames = {first_frame_slot, first_frame_slot + frames};
    bi->user_image_page_tables = {first_frame_slot + frames, r.next_free_slot};

    // The thread: CSpace, VSpace and IPC buffer caps copied into its TCB slots.
    kernel::Tcb& t = *r.tcb;
    kernel::mdb_insert(cnode_cap, r.cnode[RAMPART_ROOT_CNODE], t.slot(kernel::TcbSlot::CSpace));
    kernel::mdb_insert(r.cnode[RAMPART_ROOT_VSPACE].cap, r.cnode[RAMPART_ROOT_VSPACE],
                       t.slot(kernel::TcbSlot::VSpace));
    kernel::mdb_insert(r.cnode[RAMPART_ROOT_IPC_BUFFER].cap, r.cnode[RAMPART_ROOT_IPC_BUFFER],
                       t.slot(kernel::TcbSlot::IpcBuffer));
    t.ipc_buffer_vaddr = ipc_vaddr;
    t.priority = t.mc_priority = 255;
    t.sched_context = sched;
    sched->tcb = &t;
    const char name[] = "root";
    for (unsigned i = 0; i < sizeof name; ++i)
        t.name[i] = name[i];
    t.context.start(h.root_entry, bootinfo_vaddr);
    t.state = kernel::ThreadState::Running;
    return true;
}

} // namespace rampart::boot
