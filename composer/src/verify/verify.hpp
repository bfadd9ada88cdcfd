// The dry run (DESIGN contract 4): executes a plan against the composer's own
// model of the kernel's object semantics — every retype fits and lands where
// the plan says, every slot is free when written, every mapping is legal —
// then fills in each PD's expected layout digests.
#pragma once

#include "plan/plan.hpp"

#include <stdexcept>

namespace rampart::verify {

// A plan that breaks a kernel rule: a composer bug. The message names the
// object and the rule.
struct VerifyError : std::logic_error {
    using std::logic_error::logic_error;
};

// Returns the plan with cspace_digest / vspace_digest set in every PD record.
plan::Plan verify(plan::Plan plan);

// The checks alone (throws VerifyError).
void dry_run(const plan::Plan& plan);

} // namespace rampart::verify
