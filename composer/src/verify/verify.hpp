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

// What the plan's Retypes and ASID pools make the kernel clear, by the
// kernel's rule (rampart/untyped_rule.hpp).
struct Clearing {
    std::uint64_t total = 0;
    std::vector<std::uint64_t> per_boot_untyped; // fillers count in their boot untyped
    // Every RAM untyped retyped from, boot untypeds first, then in creation order.
    std::vector<rampart_spec_untyped_check> checks;
};

// Returns the plan with cspace_digest / vspace_digest set in every PD record
// and what boot clears (cleared_bytes, untyped_checks, untyped_use[].cleared).
plan::Plan verify(plan::Plan plan);

// The checks alone (throws VerifyError), and what the Retypes clear.
Clearing dry_run(const plan::Plan& plan);

} // namespace rampart::verify
