// Digest streams: CSpace entries by slot, VSpace leaf mappings by vaddr. The
// words are what the kernel's CNode and VSpace Digest invocations read back
// after the initializer's Mint and Page Map, so each record's rights, badge
// and attributes become what the kernel stores (docs/spec.md, "Digests").
#include "verify/digest.hpp"

#include "plan/geometry.hpp"

#include <rampart/rights.h>

#include <algorithm>

namespace rampart::verify {
namespace {

constexpr std::uint64_t kReadWrite = RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE;

// Rights and badge of a cap minted from an object's original cap (which has
// every right the type keeps, and no badge).
void stored_object_cap(unsigned type, const plan::Cap& c, std::uint64_t& rights,
                       std::uint64_t& badge) {
    rights = RAMPART_RIGHTS_ALL; // types that keep no rights read as all
    badge = 0;
    if (type == RAMPART_OBJ_ENDPOINT || type == RAMPART_OBJ_NOTIFICATION) {
        rights = c.rights & (type == RAMPART_OBJ_ENDPOINT ? RAMPART_RIGHTS_ALL : kReadWrite);
        badge = c.badge;
    } else if (plan::is_frame(type)) {
        rights = c.rights & kReadWrite;
    } else if (type == RAMPART_OBJ_REPLY) {
        rights = c.rights & RAMPART_RIGHT_GRANT; // a reply cap keeps only "can grant"
    } else if (type == RAMPART_OBJ_CNODE) {
        // The guard is cut to the guard size, as the kernel decodes the cap data.
        const unsigned size = static_cast<unsigned>(c.badge & 0x3f);
        const std::uint64_t guard = size == 0 ? 0 : (c.badge >> 6) & (~0ull >> (64 - size));
        badge = RAMPART_CNODE_CAPDATA(guard, size);
    }
}

// Whether each object comes from device memory (device frames map uncached).
std::vector<bool> device_objects(const plan::Plan& plan) {
    std::vector<bool> device(plan.objects.size(), false);
    for (std::size_t i = 0; i < plan.objects.size(); ++i) {
        const plan::Object& o = plan.objects[i];
        if (o.flags & RAMPART_SPEC_OBJ_FROM_OBJECT)
            device[i] = o.source < i && device[o.source];
        else
            device[i] = o.source < plan.untypeds.size() && plan.untypeds[o.source].is_device;
    }
    return device;
}

} // namespace

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
        std::uint64_t type = 0, where = 0, rights = RAMPART_RIGHTS_ALL, badge = 0;
        if (c.kind == RAMPART_SPEC_CAP_OBJECT) {
            type = plan.objects[c.object].type;
            where = plan.objects[c.object].paddr;
            stored_object_cap(plan.objects[c.object].type, c, rights, badge);
        } else if (c.kind == RAMPART_SPEC_CAP_IRQ_HANDLER) {
            type = RAMPART_DIGEST_CAP_IRQ_HANDLER;
            where = plan.irqs[c.object].irq;
        } else {
            type = RAMPART_DIGEST_CAP_SCHED_CONTROL;
            where = c.object;
        }
        for (std::uint64_t w : {std::uint64_t{c.slot}, type, where, rights, badge})
            cs[pd].word(w);
    }
    const std::vector<bool> device = device_objects(plan);
    std::vector<std::vector<const plan::Mapping*>> frames(n);
    for (const plan::Mapping& m : plan.mappings)
        if (rampart_spec_maps_frame(m.kind) && pd_of_vspace[m.vspace] != plan::kNone)
            frames[pd_of_vspace[m.vspace]].push_back(&m);
    std::vector<Digest> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto& list = frames[i];
        std::sort(list.begin(), list.end(), [](const plan::Mapping* a, const plan::Mapping* b) {
            return a->vaddr < b->vaddr;
        });
        for (const plan::Mapping* m : list) {
            const plan::Object& f = plan.objects[m->object];
            // Every user mapping is readable; device memory is never cached.
            const std::uint64_t rights = RAMPART_SPEC_MAP_R | (m->rights & RAMPART_SPEC_MAP_W) |
                                         (m->rights & RAMPART_SPEC_MAP_X);
            const std::uint64_t attrs = device[m->object] ? 0 : m->attrs & RAMPART_SPEC_ATTR_CACHED;
            for (std::uint64_t w :
                 {m->vaddr, f.paddr, std::uint64_t{plan::object_bits(f.type, f.size_bits)}, rights,
                  attrs})
                vs[i].word(w);
        }
        out[i] = {cs[i].value(), vs[i].value()};
    }
    return out;
}

} // namespace rampart::verify
