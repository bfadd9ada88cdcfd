// PD address-space layout (docs/spec.md, "Address spaces").
#include "plan/layout.hpp"

#include "model/limits.hpp"
#include "plan/allocator.hpp"
#include "plan/geometry.hpp"

#include <algorithm>
#include <map>

namespace rampart::plan {
namespace {

std::uint8_t rights_of(std::uint32_t elf_flags) {
    return static_cast<std::uint8_t>((elf_flags & 4 ? RAMPART_SPEC_MAP_R : 0) |
                                     (elf_flags & 2 ? RAMPART_SPEC_MAP_W : 0) |
                                     (elf_flags & 1 ? RAMPART_SPEC_MAP_X : 0));
}

std::string rights_text(std::uint8_t r) {
    std::string s;
    s += r & RAMPART_SPEC_MAP_R ? 'r' : '-';
    s += r & RAMPART_SPEC_MAP_W ? 'w' : '-';
    s += r & RAMPART_SPEC_MAP_X ? 'x' : '-';
    return s;
}

bool clear(const std::vector<Page>& pages, std::uint64_t vaddr, std::uint64_t size) {
    for (const Page& p : pages)
        if (vaddr < p.vaddr + bit(p.bits) && p.vaddr < vaddr + size)
            return false;
    return true;
}

} // namespace

Layout lay_out(const model::ProtectionDomain& pd, const elf::ElfFile& elf,
               const validate::CheckedSystem& sys,
               const std::vector<std::uint32_t>& region_index_by_map) {
    Layout out;
    out.entry = elf.entry();

    // Program pages: a page shared by two segments gets the union of their rights.
    std::map<std::uint64_t, std::uint8_t> program;
    for (const auto& s : elf.segments()) {
        if (s.mem_size == 0)
            continue;
        const std::uint64_t lo = align_down(s.vaddr, kPageBits);
        const std::uint64_t hi = align_up(s.vaddr + s.mem_size, kPageBits);
        for (std::uint64_t v = lo; v < hi; v += kPageSize)
            program[v] |= rights_of(s.flags);
        out.areas.push_back({lo, hi - lo, rights_of(s.flags), RAMPART_SPEC_ATTR_CACHED, kPageBits,
                             "program segment " + rights_text(rights_of(s.flags))});
    }
    for (const auto& [v, r] : program)
        out.pages.push_back({v, kPageBits, r, RAMPART_SPEC_ATTR_CACHED, kNone, 0});

    // Mapped regions.
    for (std::size_t m = 0; m < pd.maps.size(); ++m) {
        const model::Map& map = pd.maps[m];
        const std::uint32_t region = region_index_by_map[m];
        const validate::RegionInfo& info = sys.regions[region];
        const unsigned bits = ceil_log2(info.page_size);
        const std::uint8_t attrs = map.cached.value ? RAMPART_SPEC_ATTR_CACHED : 0;
        const std::uint32_t count = static_cast<std::uint32_t>(info.size >> bits);
        for (std::uint32_t i = 0; i < count; ++i)
            out.pages.push_back({map.vaddr.value + (std::uint64_t{i} << bits), bits,
                                 map.perms.value, attrs, region, i});
        out.areas.push_back({map.vaddr.value, info.size, map.perms.value, attrs, bits,
                             "region '" + map.mr.value + "' " + rights_text(map.perms.value) +
                                 (map.cached.value ? "" : " uncached")});
    }

    // Stack at the top of user space, one unmapped guard page below it.
    const std::uint64_t stack = pd.stack_size.value;
    out.stack_top = model::kStackTop;
    const std::uint64_t stack_base = out.stack_top - stack;
    for (std::uint64_t v = stack_base; v < out.stack_top; v += kPageSize)
        out.pages.push_back({v, kPageBits, RAMPART_SPEC_MAP_R | RAMPART_SPEC_MAP_W,
                             RAMPART_SPEC_ATTR_CACHED, kNone, 0});
    out.areas.push_back({stack_base, stack, RAMPART_SPEC_MAP_R | RAMPART_SPEC_MAP_W,
                         RAMPART_SPEC_ATTR_CACHED, kPageBits, "stack rw-"});
    out.areas.push_back({stack_base - kPageSize, kPageSize, 0, 0, kPageBits, "stack guard"});

    // IPC buffer: the program's own page if it reserves one, else the first
    // free page above the program with a free page below it.
    std::sort(out.pages.begin(), out.pages.end(),
              [](const Page& a, const Page& b) { return a.vaddr < b.vaddr; });
    const auto sym = elf.symbol(kIpcBufferSymbol);
    if (sym && aligned(sym->value, kPageBits) && program.count(sym->value) &&
        (program[sym->value] & RAMPART_SPEC_MAP_W)) {
        out.ipc_buffer = sym->value;
    } else {
        std::uint64_t v = program.empty() ? kPageSize : program.rbegin()->first + 2 * kPageSize;
        while (v < stack_base - kPageSize && !clear(out.pages, v - kPageSize, 2 * kPageSize))
            v += kPageSize;
        if (v >= stack_base - kPageSize)
            throw PlanError("no room for the IPC buffer of protection domain '" + pd.name.value +
                            "'");
        const Page ipc{
            v,     kPageBits, RAMPART_SPEC_MAP_R | RAMPART_SPEC_MAP_W, RAMPART_SPEC_ATTR_CACHED,
            kNone, 0};
        out.pages.insert(
            std::upper_bound(out.pages.begin(), out.pages.end(), ipc,
                             [](const Page& a, const Page& b) { return a.vaddr < b.vaddr; }),
            ipc);
        out.ipc_buffer = v;
        out.areas.push_back({v, kPageSize, ipc.rights, ipc.attrs, kPageBits, "ipc buffer rw-"});
    }
    std::sort(out.areas.begin(), out.areas.end(),
              [](const Area& a, const Area& b) { return a.vaddr < b.vaddr; });
    return out;
}

} // namespace rampart::plan
