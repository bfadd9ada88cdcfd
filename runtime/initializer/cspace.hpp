// The initializer's two-level CSpace. At boot the root CNode (radix B, the
// boot info's root_cnode_bits) resolves all 64 bits of a cap address. The
// initializer puts its workspace CNode (spec object 0, radix R) into root slot
// W, then re-roots itself on the same root CNode with a guard of 64 - B - R
// bits, so that
//   root slot s      is addressed as  s << R     (any cap but a CNode)
//   workspace slot i is addressed as  W << R | i (64 bits: exactly one slot)
// Workspace slot 0 holds the guarded root CNode cap: the CNode every CNode
// operation and Retype addresses from.
#pragma once

#include <rampart/types.h>

namespace rampart::init {

struct Cspace {
    unsigned radix = 0;     // the workspace's radix R
    uint64_t workspace = 0; // root slot W

    rampart_cptr_t root_slot(uint64_t s) const { return s << radix; }
    rampart_cptr_t ws(uint64_t i) const { return (workspace << radix) | i; }
    // The guarded root CNode (workspace slot 0); slots are addressed from it
    // with depth 64 as ws(i), and the workspace itself as (W, depth 64 - R).
    rampart_cptr_t root() const { return ws(0); }
    uint64_t workspace_depth() const { return 64 - radix; }
};

} // namespace rampart::init
