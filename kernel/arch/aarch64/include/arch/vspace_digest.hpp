// Attestation of an address space (docs/spec.md, "Digests"): the bounded,
// resumable walk of RAMPART_VSPACE_DIGEST over a VSpace's translation tables.
#pragma once

#include "api/invocation.hpp"

namespace rampart::arch {

// m0 first vaddr (page-aligned), m1 digest so far; replies the digest and the
// next vaddr (RAMPART_DIGEST_VSPACE_END when done).
kernel::Status decode_vspace_digest(const api::Invocation& inv, api::Results& out);

} // namespace rampart::arch
