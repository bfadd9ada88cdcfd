// Attestation of a CNode (docs/spec.md, "Digests"): the canonical words each
// cap contributes and the bounded, resumable walk of RAMPART_CNODE_DIGEST.
#pragma once

#include "kernel/cap.hpp"
#include "kernel/status.hpp"

namespace rampart::kernel {

// What a non-null cap contributes after its slot number. Rights and badges are
// what the cap keeps: rights the kernel does not store read as all.
struct CapDigest {
    uint64_t type, address, rights, badge;
};
[[nodiscard]] CapDigest cap_digest(const Cap& cap);

// Feeds the non-empty slots of the CNode from `at` into hash, at most
// RAMPART_DIGEST_BATCH of them (an empty slot counts as 1/RAMPART_DIGEST_EMPTY_SHARE
// of one), and moves at past them (to 2^radix when done). RangeError when at
// is beyond 2^radix.
Status cnode_digest(const Cap& cnode, uint64_t& at, uint64_t& hash);

} // namespace rampart::kernel
