// The kernel's boot untyped list, predicted with the kernel's own algorithm
// (DESIGN contract 2, kernel/include/rampart/boot_untypeds.hpp).
#pragma once

#include "board/board.hpp"

#include <rampart/bootinfo.h>

#include <vector>

namespace rampart::plan {

// Physical ranges the kernel keeps out of the untypeds at boot.
struct BootExtent {
    rampart_region kernel{};     // the kernel's reserved region
    rampart_region root_image{}; // the initializer's pages and the spec
};

// Where `rampart build` places the kernel and the root image for a board: the
// kernel in the top 2 MiB of RAM, the root image of root_bytes right below it.
BootExtent boot_extent(const board::Board& board, std::uint64_t root_bytes);

// Throws PlanError when the prediction is unavailable or fails.
std::vector<rampart_untyped_desc> predict_untypeds(const board::Board& board,
                                                   const BootExtent& extent);

} // namespace rampart::plan
