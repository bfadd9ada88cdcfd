// Allocation: places every requested object and renumbers all ids from
// provisional (request order) to final (creation order, the spec's order).
#include "plan/context.hpp"

namespace rampart::plan {
namespace {

void renumber(std::uint32_t& id, const std::vector<std::uint32_t>& final_of) {
    if (id != kNone)
        id = final_of[id];
}

} // namespace

void place_objects(Context& c) {
    Allocation a = allocate(c.out.untypeds, c.requests);
    std::vector<std::uint32_t> final_of(c.objects.size(), kNone);
    c.out.objects.reserve(a.order.size());
    for (std::uint32_t i = 0; i < a.order.size(); ++i) {
        const Placed& p = a.order[i];
        Object o;
        if (p.id != kNone) {
            o = std::move(c.objects[p.id]);
            final_of[p.id] = i;
        } else {
            o.name = "filler@" + hex(p.paddr);
            o.flags = RAMPART_SPEC_OBJ_FILLER;
            o.type = RAMPART_OBJ_UNTYPED;
            o.size_bits = p.size_bits;
        }
        o.paddr = p.paddr;
        o.source = p.source;
        if (p.from_object)
            o.flags |= RAMPART_SPEC_OBJ_FROM_OBJECT;
        c.out.objects.push_back(std::move(o));
    }
    c.out.untyped_use = std::move(a.use);
    c.objects.clear();

    renumber(c.out.workspace, final_of);
    renumber(c.out.monitor_endpoint, final_of);
    for (auto& id : c.region_first_frame)
        renumber(id, final_of);
    for (std::size_t r = 0; r < c.out.regions.size(); ++r) {
        RegionSummary& s = c.out.regions[r];
        s.first_frame = c.region_first_frame[r];
        if (s.frame_count) {
            const Object& f = c.out.objects[s.first_frame];
            s.paddr = f.paddr;
            s.device =
                !(f.flags & RAMPART_SPEC_OBJ_FROM_OBJECT) && c.out.untypeds[f.source].is_device;
        }
    }
    for (PdPlan& p : c.pds) {
        for (std::uint32_t* id :
             {&p.tcb, &p.sc, &p.cnode, &p.vspace, &p.reply, &p.notification, &p.endpoint})
            renumber(*id, final_of);
        for (auto& id : p.frames)
            renumber(id, final_of);
        for (auto& level : p.tables)
            for (auto& [v, id] : level)
                renumber(id, final_of);
    }
}

} // namespace rampart::plan
