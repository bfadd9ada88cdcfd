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

// Page tables taken while mapping get caps in the paging slot region.
struct TableMaker {
    const BootObjects* objects;
    uint32_t used;
    RootTask* root;
    uint64_t first_slot;
    uint64_t vaddr; // the address being mapped, which the new table serves
};

void put_cap(RootTask& r, uint64_t slot, const Cap& cap) {
    kernel::mdb_insert_root(cap, r.cnode[slot]);
}

uint64_t make_table(void* self) {
    auto* m = static_cast<TableMaker*>(self);
    if (m->used == m->objects->page_table_count)
        return 0;
    const uint64_t table = m->objects->page_tables[m->used];
    put_cap(*m->root, m->first_slot + m->used++,
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

// Maps segments [first, end) page by page, their frame caps from slot on.
bool map_segments(RootTask& r, TableMaker& tables, const rampart_user_segment* segs,
                  uint32_t first, uint32_t end, uint64_t slot) {
    for (uint32_t i = first; i < end; ++i) {
        const rampart_user_segment& s = segs[i];
        for (uint64_t off = 0; off < s.size; off += page) {
            if (!map_frame(r, tables, s.vaddr + off, s.paddr + off, access_of(s.perms), slot++)) {
                log::print("rampart: boot: cannot map the root task at ", log::Hex{s.vaddr + off},
                           "\n");
                return false;
            }
        }
    }
    return true;
}

uint64_t pages_of(const rampart_user_segment* segs, uint32_t first, uint32_t end) {
    uint64_t n = 0;
    for (uint32_t i = first; i < end; ++i)
        n += segs[i].size / page;
    return n;
}

} // namespace

unsigned root_cnode_bits(const rampart_boot_handoff& h) {
    return h.root_cnode_bits >= RAMPART_ROOT_CNODE_MIN_BITS &&
                   h.root_cnode_bits <= RAMPART_ROOT_CNODE_MAX_BITS
               ? static_cast<unsigned>(h.root_cnode_bits)
               : 0;
}

bool create_root_task(const rampart_boot_handoff& h, const BootObjects& o, uint32_t untyped_count,
                      RootTask& r) {
    const uint64_t cnode = o.cnode, tcb = o.tcb, pool = o.asid_pool, sc = o.sched_context;
    const uint64_t ipc_frame = o.ipc_buffer, bootinfo_frame = o.bootinfo;
    const uint32_t nsegs =
        h.segment_count < RAMPART_MAX_ROOT_SEGMENTS ? h.segment_count : RAMPART_MAX_ROOT_SEGMENTS;
    const root_layout::Layout layout = root_layout::compute(h.segments, nsegs, h.extra_bootinfo_size);
    if (!layout.valid) {
        log::print("rampart: boot: the extra boot information is not after the boot-info page\n");
        return false;
    }
    r.cnode_bits = root_cnode_bits(h);
    const uint64_t image_pages = pages_of(h.segments, 0, layout.image_segments);
    const uint64_t extra_pages = pages_of(h.segments, layout.image_segments, nsegs);
    // Slot regions in seL4's order, all from the first free slot.
    const uint64_t paging = RAMPART_ROOT_FIRST_FREE, extra = paging + o.page_table_count;
    const uint64_t sched_control = extra + extra_pages, frames = sched_control + 1;
    const uint64_t untyped = frames + image_pages;
    if (untyped + untyped_count > (uint64_t{1} << r.cnode_bits)) {
        log::print("rampart: boot: the root CNode (2^", r.cnode_bits, " slots) cannot hold ",
                   untyped + untyped_count, " caps\n");
        return false;
    }

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
        Cap::cnode(Paddr{cnode}, r.cnode_bits, RAMPART_WORD_BITS - r.cnode_bits, 0);
    put_cap(r, RAMPART_ROOT_TCB, Cap::tcb(Paddr{tcb}));
    put_cap(r, RAMPART_ROOT_CNODE, cnode_cap);
    put_cap(r, RAMPART_ROOT_VSPACE, Cap::vspace(Paddr{r.vspace_root}, root_asid, true));
    put_cap(r, RAMPART_ROOT_IRQ_CONTROL, Cap::irq_control());
    put_cap(r, RAMPART_ROOT_ASID_CONTROL, Cap::asid_control());
    put_cap(r, RAMPART_ROOT_ASID_POOL, Cap::asid_pool(Paddr{pool}, 0));
    put_cap(r, RAMPART_ROOT_DOMAIN, Cap::domain());
    put_cap(r, RAMPART_ROOT_SC,
            Cap::sched_context(Paddr{sc}, kernel::SizeBits{RAMPART_SCHED_CONTEXT_MIN_BITS}));
    put_cap(r, sched_control, Cap::sched_control(0));

    // The image, the IPC buffer and boot-info pages after it, then the extra
    // boot information (root_layout.hpp); the tables on the way get caps.
    TableMaker tables{&o, 0, &r, paging, 0};
    if (!map_segments(r, tables, h.segments, 0, layout.image_segments, frames))
        return false;
    if (!map_frame(r, tables, layout.ipc_buffer, ipc_frame, {true, true, false},
                   RAMPART_ROOT_IPC_BUFFER) ||
        !map_frame(r, tables, layout.bootinfo, bootinfo_frame, {true, true, false},
                   RAMPART_ROOT_BOOTINFO_FRAME)) {
        log::print("rampart: boot: cannot map the root task's IPC buffer and boot info\n");
        return false;
    }
    if (!map_segments(r, tables, h.segments, layout.image_segments, nsegs, extra))
        return false;
    r.next_free_slot = untyped;

    rampart_bootinfo* bi = r.bootinfo;
    bi->extra_len = h.extra_bootinfo_size;
    bi->node_id = 0;
    bi->node_count = 1;
    bi->iopt_levels = 0;
    bi->ipc_buffer = layout.ipc_buffer;
    bi->user_image_paging = {paging, paging + tables.used};
    bi->extra_bi_pages = {extra, extra + extra_pages};
    bi->sched_control = {sched_control, sched_control + 1};
    bi->user_image_frames = {frames, frames + image_pages};
    bi->root_cnode_bits = r.cnode_bits;
    bi->domain = 0;

    // The thread: CSpace, VSpace and IPC buffer caps copied into its TCB slots.
    kernel::Tcb& t = *r.tcb;
    kernel::mdb_insert(cnode_cap, r.cnode[RAMPART_ROOT_CNODE], t.slot(kernel::TcbSlot::CSpace));
    kernel::mdb_insert(r.cnode[RAMPART_ROOT_VSPACE].cap, r.cnode[RAMPART_ROOT_VSPACE],
                       t.slot(kernel::TcbSlot::VSpace));
    kernel::mdb_insert(r.cnode[RAMPART_ROOT_IPC_BUFFER].cap, r.cnode[RAMPART_ROOT_IPC_BUFFER],
                       t.slot(kernel::TcbSlot::IpcBuffer));
    t.ipc_buffer_vaddr = layout.ipc_buffer;
    t.priority = t.mc_priority = 255;
    t.sched_context = sched;
    sched->tcb = &t;
    const char name[] = "root";
    for (unsigned i = 0; i < sizeof name; ++i)
        t.name[i] = name[i];
    t.context.start(h.root_entry, layout.bootinfo);
    // Rampart's runtime finds its IPC buffer here (thread/tcb_ops.hpp).
    t.context.set_read_only_thread_id(layout.ipc_buffer);
    t.state = kernel::ThreadState::Running;
    return true;
}

} // namespace rampart::boot
