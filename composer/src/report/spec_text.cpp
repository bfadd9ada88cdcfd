// A report of a built spec (spec.bin, or the spec inside image.elf/image.bin):
// what the initializer will execute, read back from the bytes.
#include "report/spec_text.hpp"

#include "plan/geometry.hpp"
#include "report/format.hpp"

#include <rampart/spec.h>

#include <cstring>
#include <sstream>

namespace rampart::report {

std::optional<spec::SpecView> find_spec(const std::vector<std::uint8_t>& bytes) {
    const std::uint64_t magic = RAMPART_SPEC_MAGIC;
    for (std::size_t off = 0; off + sizeof(rampart_spec_header) <= bytes.size(); off += 8) {
        if (std::memcmp(bytes.data() + off, &magic, sizeof magic) != 0)
            continue;
        rampart_spec_header h;
        std::memcpy(&h, bytes.data() + off, sizeof h);
        if (h.total_size > bytes.size() - off || h.total_size < sizeof h)
            continue;
        try {
            return spec::read_spec(std::vector<std::uint8_t>(
                bytes.begin() + static_cast<std::ptrdiff_t>(off),
                bytes.begin() + static_cast<std::ptrdiff_t>(off + h.total_size)));
        } catch (const std::runtime_error&) {
            continue;
        }
    }
    return std::nullopt;
}

std::string spec_text(const spec::SpecView& v) {
    std::ostringstream o;
    const auto& h = v.header;
    o << "Rampart spec, version " << h.version << ", " << h.total_size << " bytes, checksum "
      << hex(h.checksum) << "\n";
    o << v.untypeds.size() << " predicted untypeds, " << v.objects.size() << " objects, "
      << v.caps.size() << " caps, " << v.mappings.size() << " mappings, " << v.tcbs.size()
      << " threads, " << v.irqs.size() << " irqs, " << v.fills.size() << " fills (" << v.data.size()
      << " data bytes)\n";
    o << "workspace: object " << h.workspace << " (radix " << h.workspace_radix
      << "), monitor endpoint: object " << h.monitor_endpoint << "\n";
    o << "\n== Protection domains ==\n";
    for (const auto& pd : v.pds)
        o << "  " << v.string_at(pd.name) << ": cnode " << v.string_at(v.objects[pd.cnode].name)
          << ", vspace " << v.string_at(v.objects[pd.vspace].name) << ", digest cspace "
          << hex(pd.cspace_digest) << " vspace " << hex(pd.vspace_digest) << "\n";
    o << "\n== Predicted untypeds ==\n";
    for (std::size_t i = 0; i < v.untypeds.size(); ++i)
        o << "  #" << i << " " << hex(v.untypeds[i].paddr) << " 2^"
          << unsigned{v.untypeds[i].size_bits} << (v.untypeds[i].is_device ? " device\n" : "\n");
    o << "\n== After the Retypes (" << h.cleared_bytes << " bytes cleared) ==\n";
    for (const auto& u : v.untyped_checks)
        o << "  " << (u.flags & RAMPART_SPEC_OBJ_FROM_OBJECT ? "object #" : "untyped #") << u.untyped
          << ": watermark " << hex(u.watermark) << ", clear mark " << hex(u.clear_mark) << "\n";
    o << "\n== Objects ==\n";
    for (std::size_t i = 0; i < v.objects.size(); ++i) {
        const auto& ob = v.objects[i];
        o << "  #" << i << " " << plan::object_type_name(ob.type) << " at " << hex(ob.paddr) << " "
          << v.string_at(ob.name) << "\n";
    }
    o << "\n== Caps ==\n";
    for (const auto& c : v.caps)
        o << "  " << v.string_at(v.objects[c.cnode].name) << "[" << c.slot << "] = "
          << (c.kind == RAMPART_SPEC_CAP_OBJECT ? v.string_at(v.objects[c.object].name)
              : c.kind == RAMPART_SPEC_CAP_IRQ_HANDLER
                  ? "irq_handler(" + std::to_string(v.irqs[c.object].irq) + ")"
                  : "sched_control(" + std::to_string(c.object) + ")")
          << " " << cap_rights(c.rights) << " badge " << hex(c.badge) << "\n";
    return o.str();
}

} // namespace rampart::report
