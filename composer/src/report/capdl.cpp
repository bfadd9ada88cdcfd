// system.cdl: a capDL-like listing — objects, then the caps of every CNode,
// then the mappings of every VSpace, then the IRQ table.
#include "report/format.hpp"
#include "report/report.hpp"

#include <sstream>

namespace rampart::report {

std::string capdl(const plan::Plan& p) {
    std::ostringstream o;
    o << "arch aarch64\n\nobjects {\n";
    for (const plan::Object& ob : p.objects) {
        o << "  " << ob.name << " = " << plan::object_type_name(ob.type);
        if (ob.type == RAMPART_OBJ_CNODE || ob.type == RAMPART_OBJ_UNTYPED ||
            ob.type == RAMPART_OBJ_SCHED_CONTEXT)
            o << " (" << unsigned{ob.size_bits} << " bits, paddr: " << hex(ob.paddr) << ")\n";
        else
            o << " (paddr: " << hex(ob.paddr) << ")\n";
    }
    o << "}\n\ncaps {\n";
    std::uint32_t cnode = plan::kNone;
    for (const plan::Cap& c : p.caps) {
        if (c.cnode != cnode) {
            o << (cnode == plan::kNone ? "" : "  }\n") << "  " << p.objects[c.cnode].name << " {\n";
            cnode = c.cnode;
        }
        o << "    " << hex(c.slot) << ": " << cap_target(p, c) << " (" << cap_rights(c.rights);
        if (c.badge)
            o << ", badge: " << hex(c.badge);
        o << ")\n";
    }
    if (cnode != plan::kNone)
        o << "  }\n";
    std::uint32_t vspace = plan::kNone;
    for (const plan::Mapping& m : p.mappings) {
        if (m.vspace != vspace) {
            o << (vspace == plan::kNone ? "" : "  }\n") << "  " << p.objects[m.vspace].name
              << " {\n";
            vspace = m.vspace;
        }
        o << "    " << hex(m.vaddr) << ": " << p.objects[m.object].name;
        if (rampart_spec_maps_frame(m.kind))
            o << " (" << map_rights(m.rights)
              << (m.attrs & RAMPART_SPEC_ATTR_CACHED ? "" : ", uncached") << ")";
        o << "\n";
    }
    if (vspace != plan::kNone)
        o << "  }\n";
    o << "}\n\nirq maps {\n";
    for (const auto& irq : p.irqs)
        o << "  " << irq.irq << ": " << p.objects[irq.notification].name
          << " (badge: " << hex(irq.badge) << ")\n";
    o << "}\n";
    return o.str();
}

} // namespace rampart::report
