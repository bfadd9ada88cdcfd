// The canonical layout digests of a PD (docs/spec.md, "Digests"): what the
// kernel computes at boot from the PD's CSpace and VSpace and the initializer
// compares with the spec.
#pragma once

#include "plan/plan.hpp"

#include <cstdint>
#include <vector>

namespace rampart::verify {

struct Digest {
    std::uint64_t cspace = 0;
    std::uint64_t vspace = 0;
};

// FNV-1a 64 over little-endian 64-bit words.
class Fnv {
  public:
    void word(std::uint64_t w);
    std::uint64_t value() const { return h_; }

  private:
    std::uint64_t h_ = 0xcbf29ce484222325ull;
};

// One digest per PD, in plan order.
std::vector<Digest> digests(const plan::Plan& plan);

} // namespace rampart::verify
