// compose(): untypeds -> plan -> verify -> spec, until the spec fits; then the image.
#include "driver/compose.hpp"

#include "spec/spec_writer.hpp"
#include "plan/allocator.hpp"
#include "plan/planner.hpp"
#include "verify/from_spec.hpp"
#include "verify/verify.hpp"

#include <rampart/bootinfo.h>

#include <algorithm>
#include <string>

namespace rampart::driver {
namespace {

// The spec's size depends on where its untypeds are, which depends on its
// size; a few rounds always settle it (it only grows by whole granules).
constexpr unsigned kMaxPlans = 8;

std::uint64_t granules(std::uint64_t bytes) {
    return (bytes + kSpecGranule - 1) / kSpecGranule * kSpecGranule;
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

Composition compose(const validate::CheckedSystem& system, const board::Board& board,
                    const TargetElves& targets) {
    Composition out;
    // The spec travels as an extra boot-info chunk: the chunk's header and the
    // spec fill whole granules.
    constexpr std::uint64_t chunk = sizeof(rampart_bootinfo_header);
    std::uint64_t reserve = kSpecGranule;
    for (;;) {
        out.root =
            plan::place_root_image(board, targets.kernel, targets.initializer, reserve - chunk);
        plan::Inputs pin{board, plan::predict_untypeds(board, out.root), out.root.kernel,
                         out.root.root_image, plan::boot_object_bytes(out.root)};
        out.plan = verify::verify(plan::plan(system, pin));
        ++out.plans;
        out.spec = spec::write_spec(out.plan);
        if (out.spec.size() <= reserve - chunk)
            break;
        if (out.plans == kMaxPlans)
            throw plan::PlanError("the spec's size does not settle after " +
                                  std::to_string(kMaxPlans) + " plans");
        reserve = granules(out.spec.size() + chunk);
    }
    verify::check_spec(out.spec);
    out.spec.resize(reserve - chunk);
    if (targets.kernel && targets.loader && targets.initializer) {
        out.image = emit::build_image({*targets.loader, *targets.kernel, *targets.initializer,
                                       out.spec, board.kernel_paddr() + board.kernel_region_size(),
                                       domain_slots(out.plan, board)});
        if (out.image->root_image_base != out.root.root_image.base ||
            out.image->root_image_end != out.root.root_image.end)
            throw verify::VerifyError("the image places the root task at a different address "
                                      "than the untyped prediction assumed");
    }
    return out;
}

} // namespace rampart::driver
