// Address-space mappings: per PD, its level-1 tables, then its level-2 and
// level-3 tables, then its frames, each in vaddr order (docs/spec.md).
#include "plan/context.hpp"

namespace rampart::plan {

void map_vspaces(Context& c) {
    std::size_t total = 0;
    for (const PdPlan& p : c.pds) {
        total += p.layout.pages.size();
        for (const auto& level : p.tables)
            total += level.size();
    }
    c.out.mappings.reserve(total);
    // A frame's first mapping maps its own cap; later ones map copies.
    std::vector<bool> mapped(c.out.objects.size());
    for (std::uint32_t i = 0; i < c.pds.size(); ++i) {
        const PdPlan& p = c.pds[i];
        for (unsigned level = kFirstTableLevel; level <= kLastTableLevel; ++level)
            for (const auto& [v, id] : p.tables[level - kFirstTableLevel])
                c.out.mappings.push_back({v, p.vspace, id, RAMPART_SPEC_MAP_PAGE_TABLE,
                                          static_cast<std::uint8_t>(level), 0, 0, i});
        for (std::size_t k = 0; k < p.layout.pages.size(); ++k) {
            const Page& page = p.layout.pages[k];
            const std::uint32_t frame = p.frames[k];
            if (frame >= mapped.size())
                mapped.resize(frame + 1);
            const std::uint8_t kind = mapped[frame] ? RAMPART_SPEC_MAP_FRAME : RAMPART_SPEC_MAP_FRAME_OWN;
            mapped[frame] = true;
            c.out.mappings.push_back({page.vaddr, p.vspace, frame, kind, 0, page.rights, page.attrs, i});
            if (page.region != kNone && page.index == 0)
                c.out.regions[page.region].mapped_by.push_back(p.info->pd->name.value + "@" +
                                                               hex(page.vaddr));
        }
    }
}

} // namespace rampart::plan
