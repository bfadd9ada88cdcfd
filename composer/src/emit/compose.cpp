// compose(): untypeds -> plan -> verify -> spec -> image.
#include "emit/compose.hpp"

#include "emit/spec_writer.hpp"
#include "plan/allocator.hpp"
#include "plan/planner.hpp"
#include "verify/from_spec.hpp"
#include "verify/verify.hpp"

#include <algorithm>

namespace rampart::emit {
namespace {

std::uint64_t granules(std::uint64_t bytes) {
    return (bytes + kSpecGranule - 1) / kSpecGranule * kSpecGranule;
}

// The kernel enforces the domain schedule it finds in the image (image.h);
// durations in timer ticks become microseconds at the board's frequency.
std::vector<rampart_domain_slot> domain_slots(const plan::Plan& p, const board::Board& b) {
    std::vector<rampart_domain_slot> out;
    for (const auto& e : p.domain_schedule) {
        rampart_domain_slot s{};
        s.domain = e.domain;
        s.duration_us = e.unit == 0 ? e.duration
                                    : (e.duration * 1000000 + b.timer.frequency_hz - 1) /
                                          std::max<std::uint64_t>(b.timer.frequency_hz, 1);
        out.push_back(s);
    }
    return out;
}

} // namespace

Composition compose(const ComposeInputs& in) {
    Composition out;
    std::uint64_t reserve = kSpecGranule;
    for (int attempt = 0;; ++attempt) {
        out.root = plan::place_root_image(in.board, in.kernel, in.initializer, reserve);
        plan::Inputs pin{in.board, plan::predict_untypeds(in.board, out.root), out.root.kernel,
                         out.root.root_image};
        out.plan = verify::verify(plan::plan(in.system, pin));
        out.spec = write_spec(out.plan);
        if (out.spec.size() <= reserve)
            break;
        if (attempt == 8)
            throw plan::PlanError("the spec's size does not settle");
        reserve = granules(out.spec.size());
    }
    verify::check_spec(out.spec);
    out.spec.resize(reserve);
    if (in.kernel && in.loader && in.initializer) {
        out.image = build_image({*in.loader, *in.kernel, *in.initializer, out.spec,
                                 in.board.kernel_paddr() + in.board.kernel_region_size(),
                                 domain_slots(out.plan, in.board)});
        if (out.image->root_image_base != out.root.root_image.base ||
            out.image->root_image_end != out.root.root_image.end)
            throw verify::VerifyError("internal error: the image places the root task at a "
                                      "different address than the untyped prediction assumed");
    }
    return out;
}

} // namespace rampart::emit
