// Object placement by the kernel's own Untyped Retype rule: each object lands
// at its untyped's watermark rounded up to the object's natural alignment;
// device untypeds yield only frames (and untypeds). Runs of objects that must
// be physically contiguous come from one untyped. Fixed-address frames are
// reached by retyping filler untypeds up to their address.
#pragma once

#include "diag/source.hpp"
#include "plan/plan.hpp"

#include <stdexcept>
#include <vector>

namespace rampart::plan {

// A system that validation accepts but that cannot be planned (out of
// memory, a setvar symbol missing from the program): a user error, reported
// at loc when the system file says where.
struct PlanError : std::runtime_error {
    explicit PlanError(const std::string& what, diag::Loc where = {})
        : std::runtime_error(what), loc(where) {}
    diag::Loc loc;
};

// A run of `count` identical objects with consecutive provisional ids.
struct Request {
    std::uint32_t first_id = 0;
    std::uint32_t count = 1;
    std::uint8_t type = 0;
    std::uint8_t size_bits = 0;
    bool fixed = false;
    std::uint64_t paddr = 0; // fixed runs only
    bool first = false;      // created before every other object (the initializer's workspace)
    std::string what;        // for messages
    diag::Loc loc;           // where the system file asks for it, if anywhere
};

// One object in creation order. Fillers have id == kNone and type UNTYPED.
struct Placed {
    std::uint32_t id = kNone;
    std::uint64_t paddr = 0;
    std::uint32_t source = 0;
    bool from_object = false; // source is an index into this very list (a filler)
    std::uint8_t type = 0;
    std::uint8_t size_bits = 0;
};

struct Allocation {
    std::vector<Placed> order;
    std::vector<UntypedUse> use; // per boot untyped
};

// Throws PlanError when something does not fit, naming the run.
Allocation allocate(const std::vector<rampart_untyped_desc>& untypeds,
                    const std::vector<Request>& requests);

} // namespace rampart::plan
