// The canonical layout digests of a PD (docs/spec.md, "Digests"): what the
// kernel computes at boot from the PD's CSpace and VSpace and the initializer
// compares with the spec.
#pragma once

#include "plan/plan.hpp"

#include <rampart/image.h>

#include <cstdint>
#include <vector>

namespace rampart::verify {

struct Digest {
    std::uint64_t cspace = 0;
    std::uint64_t vspace = 0;
};

// The digest stream: one folded FNV-1a step per 64-bit word (rampart/image.h).
class Fnv {
  public:
    void word(std::uint64_t w) { h_ = rampart_checksum_step(h_, w); }
    std::uint64_t value() const { return h_; }

  private:
    std::uint64_t h_ = RAMPART_FNV_OFFSET;
};

// One digest per PD, in plan order.
std::vector<Digest> digests(const plan::Plan& plan);

} // namespace rampart::verify
