// CSpace slots and badges: Microkit's PD CSpace layout (docs/spec.md), the
// channels, IRQs, child TCBs and <cspace> entries.
#include "plan/context.hpp"

#include <rampart/rights.h>

#include <algorithm>

namespace rampart::plan {
namespace {

constexpr std::uint8_t kAll = RAMPART_RIGHTS_ALL;
constexpr std::uint8_t kCaller = RAMPART_RIGHT_WRITE | RAMPART_RIGHT_GRANT_REPLY;

void put(Context& c, std::uint32_t pd, std::uint32_t slot, std::uint32_t object,
         std::uint8_t rights, std::uint64_t badge, std::string note,
         std::uint8_t kind = RAMPART_SPEC_CAP_OBJECT) {
    Cap cap;
    cap.cnode = c.pds[pd].cnode;
    cap.slot = slot;
    cap.object = object;
    cap.kind = kind;
    cap.rights = rights;
    cap.pd = pd;
    cap.badge = badge;
    cap.note = std::move(note);
    c.out.caps.push_back(std::move(cap));
}

void wire_pd(Context& c, std::uint32_t i) {
    PdPlan& p = c.pds[i];
    const model::ProtectionDomain& pd = *p.info->pd;
    if (p.endpoint != kNone)
        put(c, i, kSlotInput, p.endpoint, kAll, 0, "input endpoint");
    else
        put(c, i, kSlotInput, p.notification, RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE, 0,
            "input notification");
    if (p.info->parent) {
        const std::uint32_t parent = static_cast<std::uint32_t>(*p.info->parent);
        put(c, i, kSlotFault, c.pds[parent].endpoint, kCaller | RAMPART_RIGHT_GRANT,
            kFaultBadge | pd.id.value,
            "fault endpoint: parent '" + c.pds[parent].info->pd->name.value + "'");
    } else {
        put(c, i, kSlotFault, c.out.monitor_endpoint, kCaller | RAMPART_RIGHT_GRANT, i + 1,
            "fault endpoint: monitor");
    }
    put(c, i, kSlotVspace, p.vspace, kAll, 0, "own vspace");
    put(c, i, kSlotReply, p.reply, kAll, 0, "reply");
    if (pd.passive.value)
        put(c, i, kSlotMonitor, c.out.monitor_endpoint, kCaller, i + 1, "monitor endpoint");
    for (const auto& irq : pd.irqs) {
        rampart_spec_irq r{};
        r.irq = static_cast<std::uint32_t>(irq.irq.value);
        r.notification = p.notification;
        r.badge = 1ull << irq.id.value;
        r.trigger = irq.trigger.value == model::Trigger::Edge ? RAMPART_SPEC_TRIGGER_EDGE
                                                              : RAMPART_SPEC_TRIGGER_LEVEL;
        r.pd = i;
        put(c, i, kSlotIrqBase + static_cast<std::uint32_t>(irq.id.value),
            static_cast<std::uint32_t>(c.out.irqs.size()), kAll, 0,
            "irq " + std::to_string(irq.irq.value), RAMPART_SPEC_CAP_IRQ_HANDLER);
        c.out.irqs.push_back(r);
        p.irq_mask |= 1ull << irq.id.value;
    }
    for (const auto& child : pd.children) {
        const std::uint32_t k = c.pd_by_name.at(child.name.value);
        put(c, i, kSlotChildBase + static_cast<std::uint32_t>(child.id.value), c.pds[k].tcb, kAll,
            0, "child '" + child.name.value + "' tcb");
    }
    for (const auto& entry : pd.cspace) {
        const PdPlan& other = c.pds[c.pd_by_name.at(entry.pd.value)];
        const std::uint32_t slot = user_slot(entry);
        const char* what = entry.kind == model::CapKind::Tcb  ? "tcb"
                           : entry.kind == model::CapKind::Sc ? "sc"
                                                              : "vspace";
        const std::uint32_t obj = entry.kind == model::CapKind::Tcb  ? other.tcb
                                  : entry.kind == model::CapKind::Sc ? other.sc
                                                                     : other.vspace;
        put(c, i, slot, obj, kAll, 0, std::string("'") + entry.pd.value + "' " + what);
    }
}

void wire_channel(Context& c, const model::Channel& ch) {
    const model::ChannelEnd& a = ch.ends[0];
    const model::ChannelEnd& b = ch.ends[1];
    const std::uint32_t pa = c.pd_by_name.at(a.pd.value), pb = c.pd_by_name.at(b.pd.value);
    auto one_way = [&](const model::ChannelEnd& from, std::uint32_t pf, const model::ChannelEnd& to,
                       std::uint32_t pt) {
        const auto id = static_cast<std::uint32_t>(from.id.value);
        if (from.notify.value) {
            put(c, pf, kSlotNotifyBase + id, c.pds[pt].notification, RAMPART_RIGHT_WRITE,
                1ull << to.id.value, "notify '" + to.pd.value + "'");
            c.pds[pf].notify_mask |= 1ull << id;
        }
        if (from.pp.value) {
            put(c, pf, kSlotPpcBase + id, c.pds[pt].endpoint, kCaller, kPpcBadge | to.id.value,
                "call '" + to.pd.value + "'");
            c.pds[pf].pp_mask |= 1ull << id;
        }
    };
    one_way(a, pa, b, pb);
    one_way(b, pb, a, pa);
    c.out.channels.push_back({a.pd.value, b.pd.value, a.id.value, b.id.value, a.notify.value,
                              b.notify.value, a.pp.value, b.pp.value});
}

} // namespace

void wire_caps(Context& c) {
    for (std::uint32_t i = 0; i < c.pds.size(); ++i)
        wire_pd(c, i);
    for (const auto& ch : c.sys.system->channels)
        wire_channel(c, ch);
    std::stable_sort(c.out.caps.begin(), c.out.caps.end(), [](const Cap& x, const Cap& y) {
        return x.cnode != y.cnode ? x.cnode < y.cnode : x.slot < y.slot;
    });
}

} // namespace rampart::plan
