// report.txt: the capability distribution for people.
#include "report/format.hpp"
#include "report/report.hpp"

#include <sstream>

namespace rampart::report {
namespace {

std::string pad(std::string s, std::size_t width) {
    if (s.size() < width)
        s.append(width - s.size(), ' ');
    return s;
}

void summary(std::ostringstream& o, const plan::Plan& p) {
    std::uint64_t used = 0;
    for (const auto& u : p.untyped_use)
        used += u.used;
    o << "Rampart system report\n";
    o << "board: " << p.board << "\n";
    o << "kernel region: [" << hex(p.kernel.base) << ", " << hex(p.kernel.end) << ")\n";
    o << "root image: [" << hex(p.root_image.base) << ", " << hex(p.root_image.end) << ")\n";
    o << p.pds.size() << " protection domains, " << p.channels.size() << " channels, "
      << p.regions.size() << " memory regions, " << p.irqs.size() << " irqs\n";
    o << p.objects.size() << " kernel objects, " << p.caps.size() << " capabilities, "
      << p.mappings.size() << " mappings, " << used << " bytes of untyped memory used\n";
    o << "boot clears " << p.boot_object_bytes + p.cleared_bytes << " bytes: "
      << p.boot_object_bytes << " of the initializer's boot objects, " << p.cleared_bytes
      << " for the objects it makes (checked at boot)\n";
}

void pd_section(std::ostringstream& o, const plan::Plan& p) {
    const auto caps = caps_by_pd(p);
    o << "\n== Protection domains ==\n";
    for (std::size_t i = 0; i < p.pds.size(); ++i) {
        const plan::PdSummary& s = p.pd_info[i];
        const rampart_spec_pd& r = p.pds[i];
        o << "\npd " << s.name << "\n";
        if (s.parent != plan::kNone)
            o << "  child of " << p.pd_info[s.parent].name << " with id " << s.id << "\n";
        o << "  priority " << s.priority << ", budget " << s.budget_us << " us, period "
          << s.period_us << " us, cpu " << s.cpu << (s.passive ? ", passive" : "")
          << (s.domain.empty() ? "" : ", domain " + s.domain) << ", on fault: " << s.restart
          << "\n";
        o << "  program: " << s.image << ", entry " << hex(p.tcbs[i].entry) << ", ipc buffer "
          << hex(p.tcbs[i].ipc_buffer) << ", stack top " << hex(p.tcbs[i].stack_pointer) << "\n";
        o << "  digest: cspace " << hex(r.cspace_digest) << ", vspace " << hex(r.vspace_digest)
          << "\n";
        o << "  address space:\n";
        for (const plan::Area& a : s.areas)
            o << "    [" << pad(hex(a.vaddr) + ", " + hex(a.vaddr + a.size) + ")", 30) << " "
              << (a.rights ? map_rights(a.rights) : "   ") << " " << a.what << "\n";
        const plan::Object& cn = p.objects[r.cnode];
        o << "  cspace " << cn.name << " (radix " << unsigned{cn.size_bits} << ", guard bits "
          << 64 - cn.size_bits << "):\n";
        for (const plan::Cap* c : caps[i])
            o << "    slot " << pad(std::to_string(c->slot), 4) << " " << pad(cap_type(p, *c), 13)
              << " " << pad(cap_target(p, *c), 28) << " " << cap_rights(c->rights) << " badge "
              << pad(hex(c->badge), 20) << " " << c->note << "\n";
    }
}

void system_sections(std::ostringstream& o, const plan::Plan& p) {
    o << "\n== Channels ==\n";
    for (const auto& ch : p.channels)
        o << "  " << ch.a << " (id " << ch.a_id << ") <-> " << ch.b << " (id " << ch.b_id << ")"
          << (ch.a_pp ? ", " + ch.a + " calls " + ch.b : "")
          << (ch.b_pp ? ", " + ch.b + " calls " + ch.a : "")
          << (ch.a_notify ? "" : ", " + ch.a + " does not notify")
          << (ch.b_notify ? "" : ", " + ch.b + " does not notify") << "\n";
    o << "\n== IRQs ==\n";
    for (const auto& irq : p.irqs)
        o << "  irq " << irq.irq << " (" << (irq.trigger ? "edge" : "level") << ") -> "
          << p.pd_info[irq.pd].name << ", notification badge " << hex(irq.badge) << "\n";
    o << "\n== Memory regions ==\n";
    for (const auto& r : p.regions) {
        o << "  " << r.name << ": " << hex(r.size) << " bytes in " << r.frame_count << " pages of "
          << hex(r.page_size) << " at " << hex(r.paddr) << (r.fixed ? " (fixed)" : "")
          << (r.device ? " (device)" : "") << "; mapped by";
        for (const auto& m : r.mapped_by)
            o << " " << m;
        o << (r.mapped_by.empty() ? " nobody\n" : "\n");
    }
    if (p.has_domains) {
        o << "\n== Domain schedule ==\n";
        o << "  start index " << p.domain_start_index << ", index shift " << p.domain_index_shift
          << "\n";
        for (const auto& e : p.domain_schedule) {
            if (e.duration == 0)
                o << "  end marker\n";
            else
                o << "  domain " << e.domain << " for " << e.duration
                  << (e.unit ? " ticks\n" : " us\n");
        }
    }
    o << "\n== Untyped memory ==\n";
    for (std::size_t i = 0; i < p.untypeds.size(); ++i) {
        const auto& u = p.untypeds[i];
        o << "  #" << pad(std::to_string(i), 4) << " " << pad(hex(u.paddr), 12) << " 2^"
          << pad(std::to_string(u.size_bits), 3) << (u.is_device ? "device" : "ram   ") << " used "
          << p.untyped_use[i].used << " bytes by " << p.untyped_use[i].objects << " objects";
        if (p.untyped_use[i].cleared)
            o << ", cleared " << p.untyped_use[i].cleared;
        o << "\n";
    }
    o << "\n== Kernel objects (creation order) ==\n";
    for (std::size_t i = 0; i < p.objects.size(); ++i) {
        const plan::Object& ob = p.objects[i];
        o << "  #" << pad(std::to_string(i), 6) << " " << pad(plan::object_type_name(ob.type), 13)
          << " " << pad(hex(object_bytes(ob)), 10) << " at " << pad(hex(ob.paddr), 12) << " "
          << ob.name << " (from "
          << (ob.flags & RAMPART_SPEC_OBJ_FROM_OBJECT ? "object #" : "untyped #") << ob.source
          << ")\n";
    }
}

} // namespace

std::string text(const plan::Plan& plan) {
    std::ostringstream o;
    summary(o, plan);
    pd_section(o, plan);
    system_sections(o, plan);
    return o.str();
}

} // namespace rampart::report
