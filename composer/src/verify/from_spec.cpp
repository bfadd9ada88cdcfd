// Spec bytes -> plan (the fields the dry run and the digests read).
#include "verify/from_spec.hpp"

#include "verify/digest.hpp"
#include "verify/verify.hpp"

namespace rampart::verify {

plan::Plan plan_from_spec(const spec::SpecView& v) {
    plan::Plan p;
    p.untypeds = v.untypeds;
    p.untyped_checks = v.untyped_checks;
    p.cleared_bytes = v.header.cleared_bytes;
    p.objects.reserve(v.objects.size());
    for (const auto& o : v.objects) {
        plan::Object ob;
        ob.name = v.string_at(o.name);
        ob.paddr = o.paddr;
        ob.source = o.source;
        ob.pd = o.pd;
        ob.type = o.type;
        ob.size_bits = o.size_bits;
        ob.flags = o.flags;
        p.objects.push_back(std::move(ob));
    }
    p.caps.reserve(v.caps.size());
    for (const auto& c : v.caps) {
        plan::Cap cap;
        cap.cnode = c.cnode;
        cap.slot = c.slot;
        cap.object = c.object;
        cap.kind = c.kind;
        cap.rights = c.rights;
        cap.pd = c.pd;
        cap.badge = c.badge;
        p.caps.push_back(std::move(cap));
    }
    p.mappings.reserve(v.mappings.size());
    for (const auto& m : v.mappings)
        p.mappings.push_back(
            {m.vaddr, m.vspace, m.object, m.kind, m.level, m.rights, m.attrs, m.pd});
    p.tcbs = v.tcbs;
    p.scs = v.scs;
    p.irqs = v.irqs;
    p.fills = v.fills;
    p.data = v.data;
    p.pds = v.pds;
    p.domain_schedule = v.domain_schedule;
    p.workspace = v.header.workspace;
    p.workspace_radix = v.header.workspace_radix;
    p.monitor_endpoint = v.header.monitor_endpoint;
    return p;
}

void check_spec(const std::vector<std::uint8_t>& bytes) {
    spec::SpecView v;
    try {
        v = spec::read_spec(bytes);
    } catch (const std::runtime_error& e) {
        throw VerifyError(std::string("the written spec does not read back: ") +
                          e.what());
    }
    const plan::Plan p = plan_from_spec(v);
    const Clearing clearing = dry_run(p);
    if (clearing.total != p.cleared_bytes || clearing.checks.size() != p.untyped_checks.size())
        throw VerifyError("internal error: the spec's plan of what boot clears does not match "
                          "its Retypes");
    for (std::size_t i = 0; i < clearing.checks.size(); ++i) {
        const auto &a = clearing.checks[i], &b = p.untyped_checks[i];
        if (a.untyped != b.untyped || a.flags != b.flags || a.watermark != b.watermark ||
            a.clear_mark != b.clear_mark)
            throw VerifyError("internal error: the spec's plan of what boot clears does not "
                              "match its Retypes (untyped check " +
                              std::to_string(i) + ")");
    }
    const auto d = digests(p);
    for (std::size_t i = 0; i < p.pds.size(); ++i)
        if (d[i].cspace != p.pds[i].cspace_digest || d[i].vspace != p.pds[i].vspace_digest)
            throw VerifyError("protection domain '" + v.string_at(p.pds[i].name) +
                              "': the digests in the spec do not match its layout");
}

} // namespace rampart::verify
