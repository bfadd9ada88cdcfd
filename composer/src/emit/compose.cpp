// compose(): untypeds -> plan -> verify -> spec -> image.
#include "emit/compose.hpp"

#include "emit/spec_writer.hpp"
#include "plan/allocator.hpp"
#include "plan/planner.hpp"
#include "verify/verify.hpp"

namespace rampart::emit {
namespace {

std::uint64_t granules(std::uint64_t bytes) {
    return (bytes + kSpecGranule - 1) / kSpecGranule * kSpecGranule;
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
    out.spec.resize(reserve);
    if (in.kernel && in.loader && in.initializer) {
        out.image = build_image({*in.loader, *in.kernel, *in.initializer, out.spec,
                                 in.board.kernel_paddr() + in.board.kernel_region_size()});
        if (out.image->root_image_base != out.root.root_image.base ||
            out.image->root_image_end != out.root.root_image.end)
            throw verify::VerifyError("internal error: the image places the root task at a "
                                      "different address than the untyped prediction assumed");
    }
    return out;
}

} // namespace rampart::emit
