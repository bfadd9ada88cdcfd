// report.json: the same facts as report.txt for tools. Addresses, badges and
// digests are "0x…" strings (JSON numbers lose precision above 2^53).
#include "report/format.hpp"
#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace rampart::report {
namespace {

// A PD's name, or null for none.
void pd_or_null(JsonWriter& w, const plan::Plan& p, std::uint32_t pd) {
    if (pd == plan::kNone)
        w.null();
    else
        w.value(p.pd_info[pd].name);
}

void pd_json(JsonWriter& w, const plan::Plan& p, std::size_t i,
             const std::vector<const plan::Cap*>& caps) {
    const plan::PdSummary& s = p.pd_info[i];
    const rampart_spec_pd& r = p.pds[i];
    w.object().member("name", s.name).key("parent");
    pd_or_null(w, p, s.parent);
    w.member("id", s.id)
        .member("priority", s.priority)
        .member("budget_us", s.budget_us)
        .member("period_us", s.period_us)
        .member("cpu", s.cpu)
        .member("passive", s.passive)
        .member("domain", s.domain)
        .member("restart", s.restart)
        .member("program", s.image)
        .member("entry", hex(p.tcbs[i].entry))
        .member("ipc_buffer", hex(p.tcbs[i].ipc_buffer))
        .member("stack_top", hex(p.tcbs[i].stack_pointer));
    w.key("digest").object();
    w.member("cspace", hex(r.cspace_digest)).member("vspace", hex(r.vspace_digest)).end();
    w.key("address_space").array();
    for (const plan::Area& a : s.areas)
        w.object()
            .member("vaddr", hex(a.vaddr))
            .member("size", hex(a.size))
            .member("rights", a.rights ? map_rights(a.rights) : "")
            .member("cached", (a.attrs & RAMPART_SPEC_ATTR_CACHED) != 0)
            .member("page_size", hex(plan::bit(a.page_bits)))
            .member("what", a.what)
            .end();
    w.end();
    w.key("cspace").object();
    w.member("cnode", p.objects[r.cnode].name).member("radix", p.objects[r.cnode].size_bits);
    w.key("slots").array();
    for (const plan::Cap* c : caps)
        w.object()
            .member("slot", c->slot)
            .member("type", cap_type(p, *c))
            .member("object", cap_target(p, *c))
            .member("rights", cap_rights(c->rights))
            .member("badge", hex(c->badge))
            .member("note", c->note)
            .end();
    w.end().end().end();
}

void channel_end(JsonWriter& w, std::string_view name, const std::string& pd, std::uint64_t id,
                 bool notify, bool pp) {
    w.key(name).object();
    w.member("pd", pd).member("id", id).member("notify", notify).member("pp", pp).end();
}

} // namespace

std::string json(const plan::Plan& p) {
    JsonWriter w;
    w.object().member("format", "rampart-report-1").member("board", p.board);
    w.key("kernel_region").object();
    w.member("base", hex(p.kernel.base)).member("end", hex(p.kernel.end)).end();
    w.key("root_image").object();
    w.member("base", hex(p.root_image.base)).member("end", hex(p.root_image.end)).end();
    w.key("boot_clears").object();
    w.member("bytes", p.boot_object_bytes + p.cleared_bytes)
        .member("boot_objects", p.boot_object_bytes)
        .member("objects", p.cleared_bytes)
        .end();

    const auto caps = caps_by_pd(p);
    w.key("protection_domains").array();
    for (std::size_t i = 0; i < p.pds.size(); ++i)
        pd_json(w, p, i, caps[i]);
    w.end();

    w.key("channels").array();
    for (const auto& ch : p.channels) {
        w.object();
        channel_end(w, "a", ch.a, ch.a_id, ch.a_notify, ch.a_pp);
        channel_end(w, "b", ch.b, ch.b_id, ch.b_notify, ch.b_pp);
        w.end();
    }
    w.end();

    w.key("irqs").array();
    for (const auto& irq : p.irqs)
        w.object()
            .member("irq", irq.irq)
            .member("trigger", irq.trigger ? "edge" : "level")
            .member("pd", p.pd_info[irq.pd].name)
            .member("notification", p.objects[irq.notification].name)
            .member("badge", hex(irq.badge))
            .end();
    w.end();

    w.key("memory_regions").array();
    for (const auto& r : p.regions) {
        w.object()
            .member("name", r.name)
            .member("size", hex(r.size))
            .member("page_size", hex(r.page_size))
            .member("paddr", hex(r.paddr))
            .member("fixed", r.fixed)
            .member("device", r.device)
            .key("mapped_by")
            .array();
        for (const std::string& m : r.mapped_by)
            w.value(m);
        w.end().end();
    }
    w.end();

    w.key("domain_schedule").array();
    for (const auto& e : p.domain_schedule) {
        w.object();
        if (e.duration == 0)
            w.member("end_marker", true);
        else
            w.member("domain", e.domain)
                .member("duration", e.duration)
                .member("unit", e.unit ? "ticks" : "us");
        w.end();
    }
    w.end();

    w.key("untypeds").array();
    for (std::size_t i = 0; i < p.untypeds.size(); ++i)
        w.object()
            .member("paddr", hex(p.untypeds[i].paddr))
            .member("size_bits", p.untypeds[i].size_bits)
            .member("device", p.untypeds[i].is_device != 0)
            .member("used", p.untyped_use[i].used)
            .member("objects", p.untyped_use[i].objects)
            .member("cleared", p.untyped_use[i].cleared)
            .end();
    w.end();

    w.key("objects").array();
    for (const plan::Object& o : p.objects) {
        w.object()
            .member("name", o.name)
            .member("type", plan::object_type_name(o.type))
            .member("size", hex(object_bytes(o)))
            .member("paddr", hex(o.paddr));
        w.key("pd");
        pd_or_null(w, p, o.pd);
        w.end();
    }
    w.end();
    return w.end().take() + "\n";
}

} // namespace rampart::report
