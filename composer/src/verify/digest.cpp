// Digest streams: CSpace entries by slot, VSpace leaf mappings by vaddr.
#include "verify/digest.hpp"

#include "plan/geometry.hpp"

#include <algorithm>

namespace rampart::verify {

void Fnv::word(std::uint64_t w) {
    for (int i = 0; i < 8; ++i)
        h_ = (h_ ^ ((w >> (8 * i)) & 0xff)) * 0x100000001b3ull;
}

std::vector<Digest> digests(const plan::Plan& plan) {
    const std::size_t n = plan.pds.size();
    std::vector<std::uint32_t> pd_of_cnode(plan.objects.size(), plan::kNone);
    std::vector<std::uint32_t> pd_of_vspace(plan.objects.size(), plan::kNone);
    for (std::uint32_t i = 0; i < n; ++i) {
        pd_of_cnode[plan.pds[i].cnode] = i;
        pd_of_vspace[plan.pds[i].vspace] = i;
    }
    // Caps are sorted by (cnode, slot) already; mappings are grouped, so sort per PD.
    std::vector<Fnv> cs(n), vs(n);
    for (const plan::Cap& c : plan.caps) {
        const std::uint32_t pd = pd_of_cnode[c.cnode];
        if (pd == plan::kNone)
            continue;
        std::uint64_t type = 0, where = 0;
        if (c.kind == RAMPART_SPEC_CAP_OBJECT) {
            type = plan.objects[c.object].type;
            where = plan.objects[c.object].paddr;
        } else if (c.kind == RAMPART_SPEC_CAP_IRQ_HANDLER) {
            type = RAMPART_DIGEST_CAP_IRQ_HANDLER;
            where = plan.irqs[c.object].irq;
        } else {
            type = RAMPART_DIGEST_CAP_SCHED_CONTROL;
            where = c.object;
        }
        for (std::uint64_t w :
             {std::uint64_t{c.slot}, type, where, std::uint64_t{c.rights}, c.badge})
            cs[pd].word(w);
    }
    std::vector<std::vector<const plan::Mapping*>> frames(n);
    for (const plan::Mapping& m : plan.mappings)
        if (m.kind == RAMPART_SPEC_MAP_FRAME && pd_of_vspace[m.vspace] != plan::kNone)
            frames[pd_of_vspace[m.vspace]].push_back(&m);
    std::vector<Digest> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto& list = frames[i];
        std::sort(list.begin(), list.end(), [](const plan::Mapping* a, const plan::Mapping* b) {
            return a->vaddr < b->vaddr;
        });
        for (const plan::Mapping* m : list) {
            const plan::Object& f = plan.objects[m->object];
            for (std::uint64_t w :
                 {m->vaddr, f.paddr, std::uint64_t{plan::object_bits(f.type, f.size_bits)},
                  std::uint64_t{m->rights}, std::uint64_t{m->attrs}})
                vs[i].word(w);
        }
        out[i] = {cs[i].value(), vs[i].value()};
    }
    return out;
}

} // namespace rampart::verify
