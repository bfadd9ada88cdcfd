// Adapter from the board model to the kernel's boot untyped algorithm.
#include "plan/untypeds.hpp"

#include "plan/allocator.hpp"
#include "plan/geometry.hpp"

namespace rampart::plan {

BootExtent boot_extent(const board::Board& board, std::uint64_t root_bytes) {
    BootExtent e;
    e.kernel.base = board.kernel_paddr();
    e.kernel.end = e.kernel.base + board.kernel_region_size();
    e.root_image.end = e.kernel.base;
    e.root_image.base = e.kernel.base - align_up(root_bytes, kPageBits);
    return e;
}

std::vector<rampart_untyped_desc> predict_untypeds(const board::Board&, const BootExtent&) {
    throw PlanError("the boot untyped prediction (kernel/include/rampart/boot_untypeds.hpp) is "
                    "not available yet");
}

} // namespace rampart::plan
