// Replays the spec's operations in the initializer's order on a model of
// untypeds, CNodes and page tables.
#include "verify/verify.hpp"

#include "verify/digest.hpp"
#include "verify/rules.hpp"

#include <rampart/rights.h>
#include <rampart/untyped_rule.hpp>

#include <unordered_map>
#include <unordered_set>

namespace rampart::verify {

using plan::bit;
using plan::kNone;
using plan::Object;
using plan::Plan;

namespace {

struct Untyped {
    std::uint64_t base;
    unsigned bits;
    bool device;
    untyped_rule::State state{};
    std::uint32_t index = 0; // boot untyped or object index
    bool from_object = false;
    std::uint32_t boot = 0; // the boot untyped it lies in
    bool retyped = false;   // a Retype was made from it
};

void check_size_bits(const Plan& p, std::uint32_t i) {
    const Object& o = p.objects[i];
    const unsigned s = o.size_bits;
    bool ok = o.type < RAMPART_OBJ_TYPE_COUNT;
    if (o.type == RAMPART_OBJ_UNTYPED)
        ok = s >= RAMPART_MIN_UNTYPED_BITS && s <= RAMPART_MAX_UNTYPED_BITS;
    else if (o.type == RAMPART_OBJ_CNODE)
        ok = s >= RAMPART_CNODE_MIN_RADIX && s + RAMPART_SLOT_BITS <= RAMPART_MAX_UNTYPED_BITS;
    else if (o.type == RAMPART_OBJ_SCHED_CONTEXT)
        ok = s >= RAMPART_SCHED_CONTEXT_MIN_BITS && s <= RAMPART_SCHED_CONTEXT_MAX_BITS;
    if (!ok)
        fail(obj(p, i), "retype size_bits " + std::to_string(s) + " is invalid for its type");
    if ((o.flags & RAMPART_SPEC_OBJ_ASID_POOL) &&
        (o.type != RAMPART_OBJ_UNTYPED || s != RAMPART_ASID_POOL_BITS))
        fail(obj(p, i), "an ASID pool must be made from a 4 KiB untyped");
}

// Replays every Retype with the kernel's rule (placement and clearing).
Clearing check_retypes(const Plan& p) {
    std::vector<Untyped> boot;
    for (std::uint32_t i = 0; i < p.untypeds.size(); ++i) {
        const auto& u = p.untypeds[i];
        boot.push_back({u.paddr, u.size_bits, u.is_device != 0, {}, i, false, i});
    }
    std::unordered_map<std::uint32_t, Untyped> children;
    std::vector<std::uint32_t> child_order;
    Clearing out;
    out.per_boot_untyped.resize(boot.size());
    for (std::uint32_t i = 0; i < p.objects.size(); ++i) {
        const Object& o = p.objects[i];
        check_size_bits(p, i);
        Untyped* src = nullptr;
        if (o.flags & RAMPART_SPEC_OBJ_FROM_OBJECT) {
            auto it = children.find(o.source);
            if (o.source >= i || it == children.end())
                fail(obj(p, i), "its source " + obj(p, o.source) + " is not an earlier untyped");
            src = &it->second;
        } else {
            if (o.source >= boot.size())
                fail(obj(p, i), "boot untyped #" + std::to_string(o.source) + " does not exist");
            src = &boot[o.source];
        }
        if (src->device && !plan::is_frame(o.type) && o.type != RAMPART_OBJ_UNTYPED)
            fail(obj(p, i), "a device untyped makes only frames and untypeds");
        const unsigned bits = plan::object_bits(o.type, o.size_bits);
        const std::uint64_t watermark = src->state.watermark;
        const std::uint64_t at = plan::align_up(src->base + watermark, bits);
        if (bits > src->bits || at + bit(bits) > src->base + bit(src->bits))
            fail(obj(p, i), "does not fit its untyped at " + hex(src->base) + " (watermark " +
                                hex(watermark) + ")");
        if (at != o.paddr)
            fail(obj(p, i), "the retype rule places it at " + hex(at) + ", not at " + hex(o.paddr));
        const auto r = untyped_rule::retype(src->bits, src->state, bits, 1,
                                            !src->device && o.type != RAMPART_OBJ_UNTYPED);
        src->state = r.after;
        src->retyped = true;
        out.per_boot_untyped[src->boot] += r.clear_to - r.clear_from;
        out.total += r.clear_to - r.clear_from;
        if (o.flags & RAMPART_SPEC_OBJ_ASID_POOL) { // MakePool clears the pool's page
            out.per_boot_untyped[src->boot] += bit(RAMPART_ASID_POOL_BITS);
            out.total += bit(RAMPART_ASID_POOL_BITS);
        }
        if (o.type == RAMPART_OBJ_UNTYPED) {
            children.emplace(i, Untyped{o.paddr, o.size_bits, src->device, {}, i, true, src->boot});
            child_order.push_back(i);
        }
    }
    const auto check = [&](const Untyped& u) {
        if (u.retyped && !u.device)
            out.checks.push_back({u.index, u.from_object ? RAMPART_SPEC_OBJ_FROM_OBJECT : 0u,
                                  u.state.watermark, u.state.clear_mark});
    };
    for (const Untyped& u : boot)
        check(u);
    for (std::uint32_t i : child_order)
        check(children.at(i));
    return out;
}

void check_workspace(const Plan& p) {
    need_type(p, p.workspace, RAMPART_OBJ_CNODE, "the initializer's workspace");
    if (p.workspace != 0)
        fail(obj(p, p.workspace), "the workspace must be the first object created");
    std::uint64_t pools = 0;
    for (const auto& o : p.objects)
        pools += (o.flags & RAMPART_SPEC_OBJ_ASID_POOL) != 0;
    const std::uint64_t need = p.objects.size() + p.mappings.size() + p.irqs.size() + pools;
    if (p.objects[p.workspace].size_bits != p.workspace_radix || need > bit(p.workspace_radix))
        fail(obj(p, p.workspace), std::to_string(need) + " slots do not fit its radix " +
                                      std::to_string(p.workspace_radix));
    need_type(p, p.monitor_endpoint, RAMPART_OBJ_ENDPOINT, "the monitor endpoint");
}

void check_caps(const Plan& p) {
    std::unordered_set<std::uint64_t> used;
    for (const auto& c : p.caps) {
        need_type(p, c.cnode, RAMPART_OBJ_CNODE, "a cap's CNode");
        const std::string where = obj(p, c.cnode) + " slot " + std::to_string(c.slot);
        if (c.slot == 0 || c.slot >= bit(p.objects[c.cnode].size_bits))
            fail(where, "the slot is outside the CNode (or the null slot)");
        if (!used.insert((std::uint64_t{c.cnode} << 32) | c.slot).second)
            fail(where, "the slot is not free when written");
        if (c.rights & ~RAMPART_RIGHTS_ALL)
            fail(where, "unknown rights bits");
        if (c.kind == RAMPART_SPEC_CAP_OBJECT) {
            if (c.object >= p.objects.size())
                fail(where, "names " + obj(p, c.object));
            const unsigned t = p.objects[c.object].type;
            if (c.badge && t != RAMPART_OBJ_ENDPOINT && t != RAMPART_OBJ_NOTIFICATION &&
                t != RAMPART_OBJ_CNODE)
                fail(where, "only endpoint and notification caps carry a badge");
        } else if (c.kind == RAMPART_SPEC_CAP_IRQ_HANDLER) {
            if (c.object >= p.irqs.size())
                fail(where,
                     "names IRQ record #" + std::to_string(c.object) + ", which does not exist");
        } else if (c.kind != RAMPART_SPEC_CAP_SCHED_CONTROL) {
            fail(where, "unknown cap kind " + std::to_string(c.kind));
        }
    }
}

} // namespace

Clearing dry_run(const Plan& p) {
    Clearing clearing = check_retypes(p);
    check_workspace(p);
    check_caps(p);
    check_mappings(p);
    check_threads(p);
    return clearing;
}

Plan verify(Plan plan) {
    Clearing clearing = dry_run(plan);
    for (std::size_t i = 0; i < plan.untyped_use.size() && i < clearing.per_boot_untyped.size();
         ++i)
        plan.untyped_use[i].cleared = clearing.per_boot_untyped[i];
    plan.cleared_bytes = clearing.total;
    plan.untyped_checks = std::move(clearing.checks);
    const auto d = digests(plan);
    for (std::size_t i = 0; i < plan.pds.size(); ++i) {
        plan.pds[i].cspace_digest = d[i].cspace;
        plan.pds[i].vspace_digest = d[i].vspace;
    }
    return plan;
}

} // namespace rampart::verify
