// Mappings: the region exists, permissions are sensible, the address is
// aligned, and the range stays clear of other maps, program segments and
// the stack.
#include "model/limits.hpp"
#include "validate/context.hpp"

#include "diag/suggest.hpp"

namespace rampart::validate {
namespace {

struct Placed {
    const model::Map* map;
    std::uint64_t size;
};

std::uint64_t page_down(std::uint64_t v) {
    return v & ~(model::kPageSize - 1);
}

void check_map_list(Context& c, const std::vector<model::Map>& maps, const PdInfo* pd) {
    std::vector<Placed> placed;
    for (const model::Map& m : maps) {
        if (m.perms.value == model::kWrite)
            c.error(m.perms.loc, "write-only mappings are not supported; use \"rw\"");
        auto it = c.region_by_name.find(m.mr.value);
        if (it == c.region_by_name.end()) {
            c.error(m.mr.loc, "unknown memory region '" + m.mr.value + "'" +
                                  diag::did_you_mean(m.mr.value, c.region_names));
            continue;
        }
        const RegionInfo& region = c.out.regions[it->second];
        if (region.size == 0 || region.page_size == 0)
            continue; // the region itself is in error
        const std::uint64_t vaddr = m.vaddr.value, size = region.size;
        if (vaddr % region.page_size) {
            c.error(m.vaddr.loc, "vaddr " + hex(vaddr) + " is not aligned to the page size " +
                                     hex(region.page_size) + " of memory region '" + m.mr.value +
                                     "'");
            continue;
        }
        if (pd) {
            const std::uint64_t limit = stack_limit(*pd->pd);
            if (vaddr >= limit || size > limit - vaddr) {
                c.error(m.vaddr.loc, "map of '" + m.mr.value + "' at " + range(vaddr, size) +
                                         " must end below the stack guard page at " + hex(limit));
                continue;
            }
        }
        bool clash = false;
        for (const Placed& p : placed) {
            if (overlaps(vaddr, size, p.map->vaddr.value, p.size)) {
                c.error(m.vaddr.loc, "map of '" + m.mr.value + "' at " + range(vaddr, size) +
                                         " overlaps the map of '" + p.map->mr.value + "' at " +
                                         range(p.map->vaddr.value, p.size));
                c.note(p.map->vaddr.loc, "the other map is here");
                clash = true;
                break;
            }
        }
        if (pd && !clash) {
            for (const elf::Segment& s : pd->elf ? pd->elf->segments() : kNoSegments) {
                const std::uint64_t base = page_down(s.vaddr);
                const std::uint64_t span =
                    page_down(s.vaddr + s.mem_size + model::kPageSize - 1) - base;
                if (overlaps(vaddr, size, base, span)) {
                    c.error(m.vaddr.loc, "map of '" + m.mr.value + "' at " + range(vaddr, size) +
                                             " overlaps the program segment at " +
                                             range(base, span) + " of '" +
                                             pd->pd->program_image->path.value + "'");
                    clash = true;
                    break;
                }
            }
        }
        if (!clash)
            placed.push_back({&m, size});
    }
}

} // namespace

void check_maps(Context& c) {
    for (const PdInfo& info : c.out.pds) {
        check_map_list(c, info.pd->maps, &info);
        // A VM's maps are guest-physical: no program segments or stack there.
        if (info.pd->virtual_machine)
            check_map_list(c, info.pd->virtual_machine->maps, nullptr);
    }
}

} // namespace rampart::validate
