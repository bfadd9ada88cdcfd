// Threads, scheduling contexts and the per-PD records.
#include "plan/context.hpp"

#include <rampart/objects.h>

#include <algorithm>

namespace rampart::plan {
namespace {

std::uint32_t find_cap(const Plan& plan, std::uint32_t cnode, std::uint32_t slot) {
    const auto it =
        std::lower_bound(plan.caps.begin(), plan.caps.end(), std::pair{cnode, slot},
                         [](const Cap& x, const std::pair<std::uint32_t, std::uint32_t>& k) {
                             return x.cnode != k.first ? x.cnode < k.first : x.slot < k.second;
                         });
    if (it == plan.caps.end() || it->cnode != cnode || it->slot != slot)
        return kNone;
    return static_cast<std::uint32_t>(it - plan.caps.begin());
}

std::uint32_t domain_index(const Context& c, const std::string& name) {
    if (!c.sys.system->domains || name.empty())
        return 0;
    const auto& ds = c.sys.system->domains->domains;
    for (std::size_t k = 0; k < ds.size() && k < c.sys.domain_ids.size(); ++k)
        if (ds[k].name.value == name)
            return static_cast<std::uint32_t>(c.sys.domain_ids[k]);
    return 0;
}

} // namespace

void configure_threads(Context& c) {
    for (std::uint32_t i = 0; i < c.pds.size(); ++i) {
        const PdPlan& p = c.pds[i];
        const model::ProtectionDomain& pd = *p.info->pd;

        rampart_spec_sc sc{};
        sc.sc = p.sc;
        sc.cpu = static_cast<std::uint32_t>(pd.cpu.value);
        sc.budget_us = pd.budget.value;
        sc.period_us = pd.effective_period();
        sc.badge = i + 1;
        sc.flags = pd.passive.value ? RAMPART_SPEC_SC_PASSIVE : 0;
        c.out.scs.push_back(sc);

        rampart_spec_tcb t{};
        t.tcb = p.tcb;
        t.cspace = p.cnode;
        t.vspace = p.vspace;
        const auto ipc =
            std::find_if(p.layout.pages.begin(), p.layout.pages.end(),
                         [&](const Page& pg) { return pg.vaddr == p.layout.ipc_buffer; });
        t.ipc_buffer_frame = p.frames[static_cast<std::size_t>(ipc - p.layout.pages.begin())];
        t.sc = i;
        t.fault_cap = find_cap(c.out, p.cnode, kSlotFault);
        t.bound_notification = p.endpoint != kNone ? p.notification : kNone;
        t.pd = i;
        t.cspace_data = RAMPART_CNODE_CAPDATA(0, 64 - p.cnode_radix);
        t.ipc_buffer = p.layout.ipc_buffer;
        t.entry = p.layout.entry;
        t.stack_pointer = p.layout.stack_top;
        t.priority = static_cast<std::uint8_t>(pd.priority.value);
        t.mcp = t.priority;
        t.domain = static_cast<std::uint8_t>(domain_index(c, pd.domain.value));
        t.flags = RAMPART_SPEC_TCB_START | (pd.fpu.value ? RAMPART_SPEC_TCB_FPU : 0);
        t.cpu = static_cast<std::uint32_t>(pd.cpu.value);
        c.out.tcbs.push_back(t);

        rampart_spec_pd r{};
        r.parent = p.info->parent ? static_cast<std::uint32_t>(*p.info->parent) : kNone;
        r.tcb = i;
        r.cnode = p.cnode;
        r.vspace = p.vspace;
        r.asid_pool =
            i < kBootPoolFree
                ? 0
                : 1 + static_cast<std::uint32_t>((i - kBootPoolFree) / RAMPART_ASID_POOL_ENTRIES);
        r.restart_policy = pd.restart.value == model::RestartPolicy::Restart
                               ? RAMPART_SPEC_RESTART_RESTART
                               : RAMPART_SPEC_RESTART_STOP;
        r.restart_limit = static_cast<std::uint32_t>(pd.restart_limit.value);
        r.id = p.info->parent ? static_cast<std::uint32_t>(pd.id.value) : 0;
        c.out.pds.push_back(r);

        PdSummary s;
        s.name = pd.name.value;
        s.parent = r.parent;
        s.id = r.id;
        s.priority = pd.priority.value;
        s.budget_us = sc.budget_us;
        s.period_us = sc.period_us;
        s.cpu = pd.cpu.value;
        s.passive = pd.passive.value;
        s.domain = pd.domain.value;
        s.restart = r.restart_policy == RAMPART_SPEC_RESTART_RESTART ? "restart" : "stop";
        s.areas = p.layout.areas;
        s.image = pd.program_image ? pd.program_image->path.value : "";
        c.out.pd_info.push_back(std::move(s));
    }
}

void plan_domains(Context& c) {
    const auto& d = c.sys.system->domains;
    if (!d)
        return;
    c.out.has_domains = true;
    for (const auto& dom : d->domains)
        c.out.domain_names.push_back(dom.name.value);
    if (!d->schedule)
        return;
    c.out.domain_start_index = static_cast<std::uint32_t>(d->schedule->start_index.value);
    c.out.domain_index_shift = static_cast<std::uint32_t>(d->schedule->index_shift.value);
    // The spec keeps the schedule as written; an end marker is an entry of
    // duration 0, as in seL4's schedule array.
    for (const auto& e : d->schedule->entries) {
        rampart_spec_domain_entry r{};
        if (e.end_marker) {
            c.out.domain_schedule.push_back(r);
            continue;
        }
        r.domain = domain_index(c, e.domain.value);
        r.unit = e.duration.value.unit == model::DurationUnit::Ticks ? 1 : 0;
        r.duration = e.duration.value.amount;
        c.out.domain_schedule.push_back(r);
    }
}

} // namespace rampart::plan
