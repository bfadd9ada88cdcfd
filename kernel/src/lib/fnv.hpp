// The attestation digests' stream of 64-bit words, one folded FNV-1a step a
// word (docs/spec.md, "Digests"), on the one implementation in
// rampart/image.h that the composer uses too.
#pragma once

#include <rampart/image.h>

#include <stdint.h>

namespace rampart::lib {

// Feeds `count` words into `hash` and returns the new value.
inline uint64_t fnv_words(uint64_t hash, const uint64_t* words, unsigned count) {
    for (unsigned i = 0; i < count; ++i)
        hash = rampart_checksum_step(hash, words[i]);
    return hash;
}

} // namespace rampart::lib
