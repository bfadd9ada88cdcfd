// Planning: turns a validated system into a plan — every object placed in
// the predicted boot untypeds, every slot, badge, mapping and setting chosen.
#pragma once

#include "board/board.hpp"
#include "plan/allocator.hpp"
#include "plan/plan.hpp"
#include "validate/validate.hpp"

namespace rampart::plan {

struct Inputs {
    const board::Board& board;
    std::vector<rampart_untyped_desc> untypeds; // the predicted boot untyped list
    rampart_region kernel{}, root_image{};      // what the prediction assumed, for the report
    std::uint64_t boot_object_bytes = 0;        // the initializer's boot objects, for the report
};

// Throws PlanError when the system cannot be planned (out of memory, missing
// symbols): a user-facing message naming what failed.
Plan plan(const validate::CheckedSystem& sys, const Inputs& in);

} // namespace rampart::plan
