// A checker of the capability core's invariants over the whole derivation
// tree. A debug kernel runs it after each conformance test; the host unit
// tests run it after every step of their randomised sequences.
#pragma once

#include <stdint.h>

#include "kernel/slot.hpp"

namespace rampart::kernel {

struct InvariantReport {
    bool ok = true;
    const char* what = nullptr; // the first violation found
    const Slot* slot = nullptr;
    const Slot* other = nullptr;
    uint64_t caps = 0; // caps checked
};

// Checks, over all caps in the tree (at most max_caps, or the list is
// reported as cyclic):
//  - the list is well formed: links agree both ways, no empty slot in it;
//  - each cap is well formed: natural alignment, watermark and clear mark
//    within its untyped, CNode guard and radix fit a word, zombie counts in range;
//  - no two live objects overlap unless they are the same object;
//  - every object inside an untyped is its descendant and lies below its
//    watermark (so every derived cap's parent exists and nothing is handed
//    out twice);
//  - all caps to one object are adjacent (what makes is_final exact);
//  - each badged copy follows the first cap of its badge;
//  - every cap inside a live CNode or a zombie is in the list, and the
//    slots a CNode zombie has cleared stay empty.
// Quadratic in the number of caps: a debug-build check.
[[nodiscard]] InvariantReport check_invariants(uint64_t max_caps);

} // namespace rampart::kernel
