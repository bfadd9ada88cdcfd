// The dry run over the spec's own bytes: decodes a written spec back into a
// plan, replays it, and checks that each PD's recorded digests are the ones
// the decoded layout gives — so what reaches the image is what was verified.
#pragma once

#include "spec/spec_writer.hpp"
#include "plan/plan.hpp"

namespace rampart::verify {

plan::Plan plan_from_spec(const spec::SpecView& spec);

// Throws VerifyError.
void check_spec(const std::vector<std::uint8_t>& bytes);

} // namespace rampart::verify
