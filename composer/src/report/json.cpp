// report.json: the same facts as report.txt for tools. Addresses, badges and
// digests are "0x…" strings (JSON numbers lose precision above 2^53).
#include "report/format.hpp"
#include "report/report.hpp"

#include <nlohmann/json.hpp>

namespace rampart::report {
namespace {

using Json = nlohmann::ordered_json;

Json pd_json(const plan::Plan& p, std::size_t i, const std::vector<const plan::Cap*>& caps) {
    const plan::PdSummary& s = p.pd_info[i];
    const rampart_spec_pd& r = p.pds[i];
    Json pd;
    pd["name"] = s.name;
    pd["parent"] = s.parent == plan::kNone ? Json() : Json(p.pd_info[s.parent].name);
    pd["id"] = s.id;
    pd["priority"] = s.priority;
    pd["budget_us"] = s.budget_us;
    pd["period_us"] = s.period_us;
    pd["cpu"] = s.cpu;
    pd["passive"] = s.passive;
    pd["domain"] = s.domain;
    pd["restart"] = s.restart;
    pd["program"] = s.image;
    pd["entry"] = hex(p.tcbs[i].entry);
    pd["ipc_buffer"] = hex(p.tcbs[i].ipc_buffer);
    pd["stack_top"] = hex(p.tcbs[i].stack_pointer);
    pd["digest"] = {{"cspace", hex(r.cspace_digest)}, {"vspace", hex(r.vspace_digest)}};
    Json areas = Json::array();
    for (const plan::Area& a : s.areas)
        areas.push_back({{"vaddr", hex(a.vaddr)},
                         {"size", hex(a.size)},
                         {"rights", a.rights ? map_rights(a.rights) : ""},
                         {"cached", (a.attrs & RAMPART_SPEC_ATTR_CACHED) != 0},
                         {"page_size", hex(plan::bit(a.page_bits))},
                         {"what", a.what}});
    pd["address_space"] = std::move(areas);
    Json slots = Json::array();
    for (const plan::Cap* c : caps)
        slots.push_back({{"slot", c->slot},
                         {"type", cap_type(p, *c)},
                         {"object", cap_target(p, *c)},
                         {"rights", cap_rights(c->rights)},
                         {"badge", hex(c->badge)},
                         {"note", c->note}});
    pd["cspace"] = {{"cnode", p.objects[r.cnode].name},
                    {"radix", p.objects[r.cnode].size_bits},
                    {"slots", std::move(slots)}};
    return pd;
}

} // namespace

std::string json(const plan::Plan& p) {
    Json j;
    j["format"] = "rampart-report-1";
    j["board"] = p.board;
    j["kernel_region"] = {{"base", hex(p.kernel.base)}, {"end", hex(p.kernel.end)}};
    j["root_image"] = {{"base", hex(p.root_image.base)}, {"end", hex(p.root_image.end)}};
    j["boot_clears"] = {{"bytes", p.boot_object_bytes + p.cleared_bytes},
                        {"boot_objects", p.boot_object_bytes},
                        {"objects", p.cleared_bytes}};
    const auto caps = caps_by_pd(p);
    Json pds = Json::array();
    for (std::size_t i = 0; i < p.pds.size(); ++i)
        pds.push_back(pd_json(p, i, caps[i]));
    j["protection_domains"] = std::move(pds);
    Json channels = Json::array();
    for (const auto& ch : p.channels)
        channels.push_back(
            {{"a", {{"pd", ch.a}, {"id", ch.a_id}, {"notify", ch.a_notify}, {"pp", ch.a_pp}}},
             {"b", {{"pd", ch.b}, {"id", ch.b_id}, {"notify", ch.b_notify}, {"pp", ch.b_pp}}}});
    j["channels"] = std::move(channels);
    Json irqs = Json::array();
    for (const auto& irq : p.irqs)
        irqs.push_back({{"irq", irq.irq},
                        {"trigger", irq.trigger ? "edge" : "level"},
                        {"pd", p.pd_info[irq.pd].name},
                        {"notification", p.objects[irq.notification].name},
                        {"badge", hex(irq.badge)}});
    j["irqs"] = std::move(irqs);
    Json regions = Json::array();
    for (const auto& r : p.regions)
        regions.push_back({{"name", r.name},
                           {"size", hex(r.size)},
                           {"page_size", hex(r.page_size)},
                           {"paddr", hex(r.paddr)},
                           {"fixed", r.fixed},
                           {"device", r.device},
                           {"mapped_by", r.mapped_by}});
    j["memory_regions"] = std::move(regions);
    Json schedule = Json::array();
    for (const auto& e : p.domain_schedule)
        schedule.push_back(e.duration == 0 ? Json{{"end_marker", true}}
                                           : Json{{"domain", e.domain},
                                                  {"duration", e.duration},
                                                  {"unit", e.unit ? "ticks" : "us"}});
    j["domain_schedule"] = std::move(schedule);
    Json uts = Json::array();
    for (std::size_t i = 0; i < p.untypeds.size(); ++i)
        uts.push_back({{"paddr", hex(p.untypeds[i].paddr)},
                       {"size_bits", p.untypeds[i].size_bits},
                       {"device", p.untypeds[i].is_device != 0},
                       {"used", p.untyped_use[i].used},
                       {"objects", p.untyped_use[i].objects},
                       {"cleared", p.untyped_use[i].cleared}});
    j["untypeds"] = std::move(uts);
    Json objects = Json::array();
    for (const plan::Object& o : p.objects)
        objects.push_back({{"name", o.name},
                           {"type", plan::object_type_name(o.type)},
                           {"size", hex(object_bytes(o))},
                           {"paddr", hex(o.paddr)},
                           {"pd", o.pd == plan::kNone ? Json() : Json(p.pd_info[o.pd].name)}});
    j["objects"] = std::move(objects);
    return j.dump(1) + "\n";
}

} // namespace rampart::report
