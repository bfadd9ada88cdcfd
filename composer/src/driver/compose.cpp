// compose(): untypeds -> plan -> verify -> spec -> image.
#include "driver/compose.hpp"

#include "spec/spec_writer.hpp"
#include "plan/allocator.hpp"
#include "plan/planner.hpp"
#include "verify/from_spec.hpp"
#include "verify/verify.hpp"

#include <rampart/bootinfo.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

namespace rampart::driver {
namespace {

std::uint64_t granules(std::uint64_t bytes) {
    return (bytes + kSpecGranule - 1) / kSpecGranule * kSpecGranule;
}

// A generous estimate of the spec's size from the validated system, so that
// planning usually runs once: the untypeds depend on the reserve.
std::uint64_t estimate_spec_bytes(const validate::CheckedSystem& sys) {
    constexpr std::uint64_t page = 4096;
    std::uint64_t objects = 1, caps = 0, mappings = 0, fills = 0, data = 0, names = 0;
    std::set<std::string> images;
    for (const auto& info : sys.pds) {
        const auto& pd = *info.pd;
        std::uint64_t pages = pd.stack_size.value / page + 1, file = 0;
        for (const auto& s : info.segments) {
            pages +=
                (((s.vaddr + s.memsz + page - 1) & ~(page - 1)) - (s.vaddr & ~(page - 1))) / page;
            file += s.filesz;
        }
        if (images.insert(info.image.string()).second)
            data += file;
        data += 256; // patched words
        fills += pages;
        const std::uint64_t tables = 4 + 2 * pd.maps.size();
        for (const auto& m : pd.maps) {
            for (std::size_t r = 0; r < sys.system->regions.size(); ++r)
                if (sys.system->regions[r].name.value == m.mr.value && sys.regions[r].page_size)
                    mappings += sys.regions[r].size / sys.regions[r].page_size;
        }
        const std::uint64_t own = 8 + pages + tables;
        objects += own;
        mappings += pages + tables;
        caps += 6 + pd.irqs.size() + pd.children.size() + pd.cspace.size();
        names += own * (pd.name.value.size() + 24);
    }
    caps += 2 * sys.system->channels.size();
    for (const auto& r : sys.regions) {
        objects += r.page_size ? r.size / r.page_size : 0;
        std::error_code ec;
        if (!r.prefill.empty())
            data += std::filesystem::file_size(r.prefill, ec);
    }
    return sizeof(rampart_spec_header) + RAMPART_MAX_BOOT_UNTYPEDS * sizeof(rampart_untyped_desc) +
           objects * sizeof(rampart_spec_object) + caps * sizeof(rampart_spec_cap) +
           mappings * sizeof(rampart_spec_mapping) + fills * sizeof(rampart_spec_fill) +
           sys.pds.size() *
               (sizeof(rampart_spec_tcb) + sizeof(rampart_spec_sc) + sizeof(rampart_spec_pd)) +
           data + names;
}

} // namespace

std::vector<rampart_domain_slot> domain_slots(const plan::Plan& p, const board::Board& b) {
    std::vector<rampart_domain_slot> out;
    for (std::size_t i = p.domain_start_index; i < p.domain_schedule.size(); ++i) {
        const auto& e = p.domain_schedule[i];
        if (e.duration == 0)
            break;
        rampart_domain_slot s{};
        s.domain = e.domain;
        s.duration_us = e.unit == 0 ? e.duration
                                    : (e.duration * 1000000 + b.timer.frequency_hz - 1) /
                                          std::max<std::uint64_t>(b.timer.frequency_hz, 1);
        out.push_back(s);
    }
    return out;
}

Composition compose(const ComposeInputs& in) {
    Composition out;
    // The spec travels as an extra boot-info chunk: its header and the spec
    // fill whole pages.
    constexpr std::uint64_t chunk = sizeof(rampart_bootinfo_header);
    std::uint64_t reserve = granules(estimate_spec_bytes(in.system) + chunk);
    for (int attempt = 0;; ++attempt) {
        out.root = plan::place_root_image(in.board, in.kernel, in.initializer, reserve - chunk);
        plan::Inputs pin{in.board, plan::predict_untypeds(in.board, out.root), out.root.kernel,
                         out.root.root_image, plan::boot_object_bytes(out.root)};
        out.plan = verify::verify(plan::plan(in.system, pin));
        out.spec = spec::write_spec(out.plan);
        if (out.spec.size() <= reserve - chunk)
            break;
        if (attempt == 8)
            throw plan::PlanError("the spec's size does not settle");
        reserve = granules(out.spec.size() + chunk);
    }
    verify::check_spec(out.spec);
    out.spec.resize(reserve - chunk);
    if (in.kernel && in.loader && in.initializer) {
        out.image = emit::build_image({*in.loader, *in.kernel, *in.initializer, out.spec,
                                 in.board.kernel_paddr() + in.board.kernel_region_size(),
                                 domain_slots(out.plan, in.board)});
        if (out.image->root_image_base != out.root.root_image.base ||
            out.image->root_image_end != out.root.root_image.end)
            throw verify::VerifyError("internal error: the image places the root task at a "
                                      "different address than the untyped prediction assumed");
    }
    return out;
}

} // namespace rampart::driver
