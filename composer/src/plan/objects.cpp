// The objects of regions and PDs: frames, page tables, threads, CSpaces.
#include "plan/context.hpp"

#include "plan/geometry.hpp"

#include <algorithm>

namespace rampart::plan {

void plan_regions(Context& c) {
    const auto& regions = c.sys.system->regions;
    for (std::uint32_t i = 0; i < regions.size(); ++i) {
        const model::MemoryRegion& r = regions[i];
        const validate::RegionInfo& info = c.sys.regions[i];
        const unsigned bits = ceil_log2(info.page_size);
        const auto count = static_cast<std::uint32_t>(info.size >> bits);
        c.region_by_name.emplace(r.name.value, i);
        c.region_first_frame.push_back(c.add_run(
            "region." + r.name.value, static_cast<std::uint8_t>(frame_type(bits)),
            static_cast<std::uint8_t>(bits), count, kNone, r.phys_addr.given(), r.phys_addr.value));
        c.requests.back().what = "memory region '" + r.name.value + "'";
        c.requests.back().loc = r.phys_addr.given() ? r.phys_addr.loc : r.loc;
        RegionSummary s;
        s.name = r.name.value;
        s.size = info.size;
        s.page_size = info.page_size;
        s.fixed = r.phys_addr.given();
        s.frame_count = count;
        c.out.regions.push_back(std::move(s));
    }
}

namespace {

// Does any peer make protected procedure calls to this PD?
bool receives_calls(const Context& c, const std::string& name) {
    for (const auto& ch : c.sys.system->channels)
        for (int e = 0; e < 2; ++e)
            if (ch.ends[e].pp.value && ch.ends[1 - e].pd.value == name)
                return true;
    return false;
}

unsigned cnode_radix(const model::ProtectionDomain& pd) {
    std::uint32_t top = kSlotChildBase + 64;
    for (const auto& cap : pd.cspace)
        top = std::max(top, user_slot(cap) + 1);
    return std::max(kMinCnodeRadix, ceil_log2(top));
}

void plan_pd(Context& c, std::uint32_t index) {
    PdPlan& p = c.pds[index];
    const model::ProtectionDomain& pd = *p.info->pd;
    const std::string& n = pd.name.value;
    std::vector<std::uint32_t> map_regions;
    for (const auto& m : pd.maps)
        map_regions.push_back(c.region_by_name.at(m.mr.value));
    p.elf = p.info->elf.get();
    // Microkit's path_for_symbols: segments from the image, symbols from that file.
    p.symbols = p.info->symbols ? p.info->symbols.get() : p.elf;
    p.layout = lay_out(pd, *p.elf, c.sys, map_regions);

    p.tcb = c.add(n + ".tcb", RAMPART_OBJ_TCB, 0, index);
    p.sc = c.add(n + ".sc", RAMPART_OBJ_SCHED_CONTEXT, kScBits, index);
    p.cnode_radix = cnode_radix(pd);
    p.cnode =
        c.add(n + ".cnode", RAMPART_OBJ_CNODE, static_cast<std::uint8_t>(p.cnode_radix), index);
    p.vspace = c.add(n + ".vspace", RAMPART_OBJ_VSPACE, 0, index);
    p.reply = c.add(n + ".reply", RAMPART_OBJ_REPLY, 0, index);
    p.notification = c.add(n + ".notification", RAMPART_OBJ_NOTIFICATION, 0, index);
    if (receives_calls(c, n) || !pd.children.empty() || pd.virtual_machine)
        p.endpoint = c.add(n + ".endpoint", RAMPART_OBJ_ENDPOINT, 0, index);

    for (const Page& page : p.layout.pages) {
        if (page.region != kNone) {
            p.frames.push_back(c.region_first_frame[page.region] + page.index);
        } else {
            p.frames.push_back(
                c.add(n + ".frame@" + hex(page.vaddr), RAMPART_OBJ_FRAME_4K, kPageBits, index));
        }
        for (unsigned level = kFirstTableLevel; level <= kLastTableLevel; ++level)
            if (page.bits < table_span(level))
                p.tables[level - kFirstTableLevel].emplace(
                    align_down(page.vaddr, table_span(level)), kNone);
    }
    for (unsigned level = kFirstTableLevel; level <= kLastTableLevel; ++level)
        for (auto& [v, id] : p.tables[level - kFirstTableLevel])
            id = c.add(n + ".pt" + std::to_string(level) + "@" + hex(v), RAMPART_OBJ_PAGE_TABLE, 0,
                       index);
}

} // namespace

void plan_pds(Context& c) {
    c.pds.resize(c.sys.pds.size());
    for (std::uint32_t i = 0; i < c.sys.pds.size(); ++i) {
        c.pds[i].info = &c.sys.pds[i];
        c.pd_by_name.emplace(c.sys.pds[i].pd->name.value, i);
    }
    for (std::uint32_t i = 0; i < c.pds.size(); ++i)
        plan_pd(c, i);
}

} // namespace rampart::plan
