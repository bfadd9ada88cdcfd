// plan(): runs the planning steps in order over one context.
#include "plan/context.hpp"

#include "plan/geometry.hpp"

#include <algorithm>
#include <cstdio>

namespace rampart::plan {

std::uint32_t Context::add_run(std::string name, std::uint8_t type, std::uint8_t size_bits,
                               std::uint32_t count, std::uint32_t pd, bool fixed,
                               std::uint64_t paddr, std::uint16_t flags) {
    const auto first = static_cast<std::uint32_t>(objects.size());
    for (std::uint32_t i = 0; i < count; ++i) {
        Object o;
        o.name = count == 1 ? name : name + "[" + std::to_string(i) + "]";
        o.type = type;
        o.size_bits = size_bits;
        o.pd = pd;
        o.flags = flags;
        objects.push_back(std::move(o));
    }
    requests.push_back({first, count, type, size_bits, fixed, paddr, false, name, {}});
    fixed_runs += fixed ? 1 : 0;
    return first;
}

void plan_system_objects(Context& c) {
    c.out.monitor_endpoint = c.add("monitor.endpoint", RAMPART_OBJ_ENDPOINT, 0, kNone);
    const std::size_t pools = c.pds.size() > kBootPoolFree
                                  ? (c.pds.size() - kBootPoolFree + RAMPART_ASID_POOL_ENTRIES - 1) /
                                        RAMPART_ASID_POOL_ENTRIES
                                  : 0;
    for (std::size_t i = 0; i < pools; ++i)
        c.add("asid_pool." + std::to_string(i + 1), RAMPART_OBJ_UNTYPED, RAMPART_ASID_POOL_BITS,
              kNone, RAMPART_SPEC_OBJ_ASID_POOL);
    // The workspace holds the initializer's cap of every object, a slot per
    // mapping, an IRQ handler per IRQ and a cap per ASID pool (docs/spec.md).
    std::uint64_t mappings = 0, irqs = 0;
    for (const PdPlan& p : c.pds) {
        mappings += p.layout.pages.size();
        for (const auto& level : p.tables)
            mappings += level.size();
        irqs += p.info->pd->irqs.size();
    }
    const std::uint64_t fillers = std::uint64_t{c.fixed_runs} * 2 * RAMPART_MAX_UNTYPED_BITS;
    const std::uint64_t slots = c.objects.size() + 1 + fillers + mappings + irqs + pools;
    c.out.workspace_radix = std::max(4u, ceil_log2(slots));
    c.out.workspace = c.add("initializer.workspace", RAMPART_OBJ_CNODE,
                            static_cast<std::uint8_t>(c.out.workspace_radix), kNone);
    c.requests.back().first = true;
}

Plan plan(const validate::CheckedSystem& sys, const Inputs& in) {
    Context c{sys, in, {}, {}, {}, {}, {}, {}, {}, 0};
    c.out.board = in.board.name;
    c.out.kernel = in.kernel;
    c.out.root_image = in.root_image;
    c.out.boot_object_bytes = in.boot_object_bytes;
    c.out.untypeds = in.untypeds;
    plan_regions(c);
    plan_pds(c);
    plan_system_objects(c);
    place_objects(c);
    wire_caps(c);
    map_vspaces(c);
    configure_threads(c);
    fill_frames(c);
    plan_domains(c);
    return std::move(c.out);
}

} // namespace rampart::plan
