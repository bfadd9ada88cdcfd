// Spec layout: header, then each table in header order, each 8-byte aligned.
#include "spec/spec_writer.hpp"

#include <rampart/image.h>

#include <bit>
#include <cstring>
#include <map>
#include <stdexcept>

namespace rampart::spec {
namespace {

static_assert(std::endian::native == std::endian::little, "the spec is little-endian");

class Strings {
  public:
    std::uint32_t add(const std::string& s) {
        auto [it, fresh] = index_.emplace(s, static_cast<std::uint32_t>(bytes_.size()));
        if (fresh)
            bytes_.insert(bytes_.end(), s.c_str(), s.c_str() + s.size() + 1);
        return it->second;
    }
    const std::vector<char>& bytes() const { return bytes_; }

  private:
    std::vector<char> bytes_;
    std::map<std::string, std::uint32_t> index_;
};

template <class T>
rampart_spec_table append(std::vector<std::uint8_t>& out, const T* records, std::size_t count) {
    out.resize((out.size() + 7) & ~std::size_t{7});
    const rampart_spec_table t{static_cast<std::uint32_t>(out.size()),
                               static_cast<std::uint32_t>(count)};
    const auto* p = reinterpret_cast<const std::uint8_t*>(records);
    out.insert(out.end(), p, p + count * sizeof(T));
    if (out.size() > UINT32_MAX)
        throw std::runtime_error("the spec is larger than 4 GiB");
    return t;
}

template <class T>
rampart_spec_table append(std::vector<std::uint8_t>& out, const std::vector<T>& v) {
    return append(out, v.data(), v.size());
}

} // namespace

std::vector<std::uint8_t> write_spec(const plan::Plan& plan) {
    Strings strings;
    std::vector<rampart_spec_object> objects;
    objects.reserve(plan.objects.size());
    for (const plan::Object& o : plan.objects)
        objects.push_back(
            {o.paddr, strings.add(o.name), o.source, o.pd, o.type, o.size_bits, o.flags});
    std::vector<rampart_spec_cap> caps;
    caps.reserve(plan.caps.size());
    for (const plan::Cap& c : plan.caps)
        caps.push_back({c.cnode, c.slot, c.object, c.kind, c.rights,
                        static_cast<std::uint16_t>(c.pd), c.badge});
    std::vector<rampart_spec_mapping> mappings;
    mappings.reserve(plan.mappings.size());
    for (const plan::Mapping& m : plan.mappings)
        mappings.push_back({m.vaddr, m.vspace, m.object, m.kind, m.level, m.rights, m.attrs, m.pd});
    std::vector<rampart_spec_pd> pds = plan.pds;
    for (std::size_t i = 0; i < pds.size(); ++i)
        pds[i].name = strings.add(plan.pd_info[i].name);

    std::vector<std::uint8_t> out(sizeof(rampart_spec_header));
    rampart_spec_header h{};
    h.magic = RAMPART_SPEC_MAGIC;
    h.version = RAMPART_SPEC_VERSION;
    h.header_size = sizeof h;
    h.untypeds = append(out, plan.untypeds);
    h.untyped_checks = append(out, plan.untyped_checks);
    h.objects = append(out, objects);
    h.caps = append(out, caps);
    h.mappings = append(out, mappings);
    h.tcbs = append(out, plan.tcbs);
    h.scs = append(out, plan.scs);
    h.irqs = append(out, plan.irqs);
    h.fills = append(out, plan.fills);
    h.pds = append(out, pds);
    h.domain_schedule = append(out, plan.domain_schedule);
    h.strings = append(out, strings.bytes());
    h.data = append(out, plan.data);
    out.resize((out.size() + 7) & ~std::size_t{7});
    h.workspace = plan.workspace;
    h.workspace_radix = plan.workspace_radix;
    h.monitor_endpoint = plan.monitor_endpoint;
    h.domain_start_index = plan.domain_start_index;
    h.domain_index_shift = plan.domain_index_shift;
    h.flags = plan.has_domains ? RAMPART_SPEC_F_DOMAINS : 0;
    h.cleared_bytes = plan.cleared_bytes;
    h.total_size = out.size();
    h.checksum = rampart_checksum(out.data() + sizeof h, out.size() - sizeof h);
    std::memcpy(out.data(), &h, sizeof h);
    return out;
}

namespace {

template <class T>
void take(const std::vector<std::uint8_t>& in, const rampart_spec_table& t, std::vector<T>& out,
          const char* what) {
    const std::uint64_t end = std::uint64_t{t.offset} + std::uint64_t{t.count} * sizeof(T);
    if (t.offset < sizeof(rampart_spec_header) || end > in.size())
        throw std::runtime_error(std::string("spec table '") + what + "' lies outside the spec");
    out.resize(t.count);
    if (t.count)
        std::memcpy(out.data(), in.data() + t.offset, t.count * sizeof(T));
}

} // namespace

SpecView read_spec(const std::vector<std::uint8_t>& in) {
    SpecView v;
    if (in.size() < sizeof v.header)
        throw std::runtime_error("spec too short for its header");
    std::memcpy(&v.header, in.data(), sizeof v.header);
    const auto& h = v.header;
    if (h.magic != RAMPART_SPEC_MAGIC)
        throw std::runtime_error("not a Rampart spec (bad magic)");
    if (h.version != RAMPART_SPEC_VERSION || h.header_size != sizeof h)
        throw std::runtime_error("unsupported spec version " + std::to_string(h.version));
    if (h.total_size != in.size())
        throw std::runtime_error("spec size mismatch");
    if (rampart_checksum(in.data() + sizeof h, in.size() - sizeof h) != h.checksum)
        throw std::runtime_error("spec checksum mismatch");
    take(in, h.untypeds, v.untypeds, "untypeds");
    take(in, h.untyped_checks, v.untyped_checks, "untyped_checks");
    take(in, h.objects, v.objects, "objects");
    take(in, h.caps, v.caps, "caps");
    take(in, h.mappings, v.mappings, "mappings");
    take(in, h.tcbs, v.tcbs, "tcbs");
    take(in, h.scs, v.scs, "scs");
    take(in, h.irqs, v.irqs, "irqs");
    take(in, h.fills, v.fills, "fills");
    take(in, h.pds, v.pds, "pds");
    take(in, h.domain_schedule, v.domain_schedule, "domain_schedule");
    take(in, h.strings, v.strings, "strings");
    take(in, h.data, v.data, "data");
    return v;
}

std::string SpecView::string_at(std::uint32_t offset) const {
    if (offset >= strings.size())
        return "<bad string>";
    return std::string(strings.data() + offset,
                       strnlen(strings.data() + offset, strings.size() - offset));
}

} // namespace rampart::spec
