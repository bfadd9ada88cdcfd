// Memory regions: sizes, page sizes (chosen when not given), physical
// placement, prefill files, and a warning for regions nobody maps.
#include "model/limits.hpp"
#include "validate/context.hpp"

#include <set>

namespace rampart::validate {
namespace {

using MapsByRegion = std::map<std::string, std::vector<const model::Map*>>;

// Every map of every region, in PDs and VMs alike.
MapsByRegion maps_by_region(const Context& c) {
    MapsByRegion out;
    for (const PdInfo& info : c.out.pds) {
        for (const auto& m : info.pd->maps)
            out[m.mr.value].push_back(&m);
        if (info.pd->virtual_machine)
            for (const auto& m : info.pd->virtual_machine->maps)
                out[m.mr.value].push_back(&m);
    }
    return out;
}

std::set<std::string> named_by_setvars(const Context& c) {
    std::set<std::string> out;
    for (const PdInfo& info : c.out.pds)
        for (const auto& s : info.pd->setvars)
            out.insert(s.region_paddr.value);
    return out;
}

// Rounds up to a multiple of a page size (any other value is reported
// separately, so it leaves v as it is).
std::uint64_t round_up(std::uint64_t v, std::uint64_t page) {
    if (page != model::kPageSize && page != model::kLargePageSize)
        return v;
    return v + page - 1 < v ? v : (v + page - 1) / page * page;
}

// The largest page size that the size, the physical address and every
// mapping's virtual address allow.
std::uint64_t choose_page_size(const model::MemoryRegion& r, std::uint64_t size,
                               const std::vector<const model::Map*>& maps) {
    const std::uint64_t large = model::kLargePageSize;
    bool fits = size % large == 0 && (!r.phys_addr.given() || r.phys_addr.value % large == 0);
    for (const auto* m : maps)
        fits = fits && m->vaddr.value % large == 0;
    return fits ? large : model::kPageSize;
}

void check_region(Context& c, std::size_t index, const MapsByRegion& all_maps,
                  const std::set<std::string>& setvar_regions) {
    const model::MemoryRegion& r = c.sys.regions[index];
    RegionInfo& info = c.out.regions[index];
    static const std::vector<const model::Map*> none;
    auto found_maps = all_maps.find(r.name.value);
    const auto& maps = found_maps == all_maps.end() ? none : found_maps->second;

    std::uint64_t size = r.size.value;
    if (r.prefill_path.given()) {
        auto found = c.find_file(r.prefill_path.value);
        std::error_code ec;
        std::uint64_t bytes = found ? std::filesystem::file_size(*found, ec) : 0;
        if (!found)
            c.error(r.prefill_path.loc, "prefill file '" + r.prefill_path.value + "' not found");
        else if (ec || bytes == 0)
            c.error(r.prefill_path.loc, "prefill file '" + r.prefill_path.value + "' is empty");
        else if (r.size.given() && bytes > size)
            c.error(r.prefill_path.loc,
                    "prefill file '" + r.prefill_path.value + "' (" + std::to_string(bytes) +
                        " bytes) does not fit in the region (" + hex(size) + " bytes)");
        else if (!r.size.given())
            size = round_up(bytes, r.page_size.given() ? r.page_size.value : model::kPageSize);
        if (found) {
            info.prefill = *found;
            info.prefill_size = bytes;
        }
    }
    if (r.size.given() && size == 0) {
        c.error(r.size.loc, "the size of a memory region must not be zero");
        return;
    }

    std::uint64_t page = r.page_size.value;
    if (r.page_size.given()) {
        if (page != model::kPageSize && page != model::kLargePageSize) {
            c.error(r.page_size.loc, "page_size " + hex(page) + " is not supported (use " +
                                         hex(model::kPageSize) + " or " +
                                         hex(model::kLargePageSize) + ")");
            return;
        }
    } else {
        page = choose_page_size(r, size, maps);
    }
    info.size = size;
    info.page_size = page;
    if (size % page)
        c.error(Context::at(r.size, r.loc),
                "size " + hex(size) + " is not a multiple of the page size " + hex(page));
    if (r.phys_addr.given()) {
        if (r.phys_addr.value % page)
            c.error(r.phys_addr.loc, "phys_addr " + hex(r.phys_addr.value) +
                                         " is not aligned to the page size " + hex(page));
        else if (r.phys_addr.value + size < r.phys_addr.value)
            c.error(r.phys_addr.loc, "the region " + range(r.phys_addr.value, size) +
                                         " wraps around the physical address space");
    }
    if (maps.empty() && !setvar_regions.count(r.name.value))
        c.diags.warning(r.name.loc, "memory region '" + r.name.value + "' is never mapped");
}

// Fixed physical ranges must not overlap each other or what the kernel owns.
void check_fixed(Context& c) {
    const board::Board& b = c.board;
    std::vector<std::size_t> fixed;
    for (std::size_t i = 0; i < c.sys.regions.size(); ++i) {
        const auto& r = c.sys.regions[i];
        const std::uint64_t size = c.out.regions[i].size;
        if (!r.phys_addr.given() || size == 0)
            continue;
        const std::uint64_t base = r.phys_addr.value;
        for (std::size_t j : fixed) {
            const auto& other = c.sys.regions[j];
            if (overlaps(base, size, other.phys_addr.value, c.out.regions[j].size)) {
                c.error(r.phys_addr.loc, "memory region '" + r.name.value + "' at " +
                                             range(base, size) + " overlaps memory region '" +
                                             other.name.value + "' at " +
                                             range(other.phys_addr.value, c.out.regions[j].size));
                c.note(other.phys_addr.loc, "'" + other.name.value + "' is placed here");
                break;
            }
        }
        fixed.push_back(i);
        if (overlaps(base, size, b.kernel_paddr(), b.kernel_region_size()))
            c.error(r.phys_addr.loc, "memory region '" + r.name.value + "' at " +
                                         range(base, size) + " overlaps the kernel image at " +
                                         range(b.kernel_paddr(), b.kernel_region_size()));
        for (const auto& d : b.devices)
            if (d.kernel && overlaps(base, size, d.base, d.size))
                c.error(r.phys_addr.loc, "memory region '" + r.name.value + "' at " +
                                             range(base, size) + " overlaps device '" + d.name +
                                             "', which the kernel owns");
    }
}

} // namespace

void check_regions(Context& c) {
    const MapsByRegion maps = maps_by_region(c);
    const std::set<std::string> setvar_regions = named_by_setvars(c);
    for (std::size_t i = 0; i < c.sys.regions.size(); ++i)
        check_region(c, i, maps, setvar_regions);
    check_fixed(c);
}

} // namespace rampart::validate
