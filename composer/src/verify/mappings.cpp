// Mapping rules: a page table or frame goes only where the levels above it
// exist, into a free entry, at an aligned address below the top of user space.
#include "verify/rules.hpp"

#include <unordered_map>
#include <unordered_set>

namespace rampart::verify {
namespace {

using plan::kHugePageBits;
using plan::kLargePageBits;
using plan::kNone;
using plan::kPageBits;

// An entry of one table level (0, the VSpace, to 3) of one VSpace:
// (vspace, level, index); an entry of level n maps what a level n+1 table covers.
std::uint64_t entry(std::uint32_t vspace, unsigned level, std::uint64_t vaddr) {
    const unsigned shift = level == plan::kLastTableLevel ? kPageBits : plan::table_span(level + 1);
    return (std::uint64_t{vspace} << 40) | (std::uint64_t{level} << 36) | (vaddr >> shift);
}

} // namespace

void check_mappings(const plan::Plan& p) {
    std::unordered_set<std::uint64_t> used;   // occupied entries
    std::unordered_set<std::uint64_t> tables; // entries holding a table
    std::unordered_set<std::uint32_t> mapped_tables;
    std::unordered_set<std::uint32_t> frames_mapped;
    for (const plan::Mapping& m : p.mappings) {
        need_type(p, m.vspace, RAMPART_OBJ_VSPACE, "a mapping's VSpace");
        if (m.object >= p.objects.size())
            fail("mapping at " + hex(m.vaddr), "names " + obj(p, m.object));
        const plan::Object& o = p.objects[m.object];
        const std::string what =
            obj(p, m.object) + " at " + hex(m.vaddr) + " in " + obj(p, m.vspace);
        unsigned level = 0, bits = 0;
        if (m.kind == RAMPART_SPEC_MAP_PAGE_TABLE) {
            need_type(p, m.object, RAMPART_OBJ_PAGE_TABLE, "a page-table mapping");
            if (m.level < plan::kFirstTableLevel || m.level > plan::kLastTableLevel)
                fail(what, "a page table is mapped at level 1, 2 or 3");
            if (!mapped_tables.insert(m.object).second)
                fail(what, "a page table is mapped only once");
            level = m.level - 1;
            bits = plan::table_span(m.level);
        } else if (rampart_spec_maps_frame(m.kind)) {
            if (!plan::is_frame(o.type))
                fail(what, "only frames are mapped as pages");
            // The frame's own cap maps once, before any copy of it.
            if ((m.kind == RAMPART_SPEC_MAP_FRAME_OWN) == !frames_mapped.insert(m.object).second)
                fail(what, m.kind == RAMPART_SPEC_MAP_FRAME_OWN
                               ? "a frame's own cap is mapped only once, first"
                               : "a frame's first mapping maps its own cap");
            bits = plan::object_bits(o.type, o.size_bits);
            level = bits == kHugePageBits ? 1 : bits == kLargePageBits ? 2 : 3;
            if ((m.rights & RAMPART_SPEC_MAP_W) && !(m.rights & RAMPART_SPEC_MAP_R))
                fail(what, "write-only mappings are not supported");
            if (m.rights & ~7u || m.attrs & ~1u)
                fail(what, "unknown rights or attribute bits");
        } else {
            fail(what, "unknown mapping kind " + std::to_string(m.kind));
        }
        if (!plan::aligned(m.vaddr, bits))
            fail(what, "the address is not aligned to " + hex(plan::bit(bits)));
        if (m.vaddr >= plan::kUserTop)
            fail(what, "the address is above the top of user space");
        if (level >= 1 && !tables.count(entry(m.vspace, level - 1, m.vaddr)))
            fail(what, "no page table is mapped above it");
        const std::uint64_t e = entry(m.vspace, level, m.vaddr);
        if (!used.insert(e).second)
            fail(what, "the entry is already in use (overlapping mapping)");
        if (m.kind == RAMPART_SPEC_MAP_PAGE_TABLE)
            tables.insert(e);
    }
}

void check_threads(const plan::Plan& p) {
    std::unordered_map<std::uint64_t, std::uint32_t> frame_at; // (vspace, vaddr) -> frame
    for (const plan::Mapping& m : p.mappings)
        if (rampart_spec_maps_frame(m.kind))
            frame_at.emplace((std::uint64_t{m.vspace} << 40) ^ m.vaddr, m.object);
    for (std::size_t i = 0; i < p.tcbs.size(); ++i) {
        const rampart_spec_tcb& t = p.tcbs[i];
        need_type(p, t.tcb, RAMPART_OBJ_TCB, "a thread");
        const std::string what = obj(p, t.tcb);
        need_type(p, t.cspace, RAMPART_OBJ_CNODE, "the CSpace of " + what);
        need_type(p, t.vspace, RAMPART_OBJ_VSPACE, "the VSpace of " + what);
        const auto it = frame_at.find((std::uint64_t{t.vspace} << 40) ^ t.ipc_buffer);
        if (it == frame_at.end() || it->second != t.ipc_buffer_frame)
            fail(what, "its IPC buffer frame is not mapped at " + hex(t.ipc_buffer));
        if (t.sc != kNone && (t.sc >= p.scs.size()))
            fail(what, "names a scheduling context record that does not exist");
        if (t.fault_cap != kNone) {
            if (t.fault_cap >= p.caps.size() || p.caps[t.fault_cap].cnode != t.cspace)
                fail(what, "its fault endpoint cap is not in its own CSpace");
            need_type(p, p.caps[t.fault_cap].object, RAMPART_OBJ_ENDPOINT, "a fault endpoint");
        }
        if (t.bound_notification != kNone)
            need_type(p, t.bound_notification, RAMPART_OBJ_NOTIFICATION, "a bound notification");
        if (t.priority > 254 || t.mcp > 254)
            fail(what, "priorities range from 0 to 254");
    }
    for (const auto& sc : p.scs) {
        need_type(p, sc.sc, RAMPART_OBJ_SCHED_CONTEXT, "a scheduling context");
        if (sc.budget_us == 0 || sc.budget_us > sc.period_us)
            fail(obj(p, sc.sc), "the budget must be non-zero and at most the period");
    }
    std::unordered_set<std::uint32_t> irqs;
    for (const auto& irq : p.irqs) {
        need_type(p, irq.notification, RAMPART_OBJ_NOTIFICATION, "an IRQ's notification");
        if (!irqs.insert(irq.irq).second)
            fail("IRQ " + std::to_string(irq.irq), "an IRQ has one handler");
    }
    for (const auto& f : p.fills) {
        if (f.frame >= p.objects.size() || !plan::is_frame(p.objects[f.frame].type))
            fail(obj(p, f.frame), "only frames are filled");
        const plan::Object& o = p.objects[f.frame];
        if (f.frame_offset + f.size > plan::bit(plan::object_bits(o.type, o.size_bits)) ||
            f.data_offset + f.size > p.data.size())
            fail(obj(p, f.frame), "a fill runs past the frame or the data");
    }
    for (const auto& pd : p.pds) {
        need_type(p, pd.cnode, RAMPART_OBJ_CNODE, "a PD's CSpace");
        need_type(p, pd.vspace, RAMPART_OBJ_VSPACE, "a PD's VSpace");
    }
}

} // namespace rampart::verify
