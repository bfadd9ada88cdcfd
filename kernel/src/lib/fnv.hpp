// FNV-1a 64 over 64-bit words, each fed as 8 little-endian bytes: the
// attestation digests (docs/spec.md, "Digests"), on the one implementation
// in rampart/image.h that the composer and the initializer use too.
#pragma once

#include <rampart/image.h>

#include <stdint.h>

namespace rampart::lib {

// Feeds `count` words into `hash` and returns the new value.
inline uint64_t fnv_words(uint64_t hash, const uint64_t* words, unsigned count) {
    for (unsigned i = 0; i < count; ++i)
        hash = rampart_fnv1a_word(hash, words[i]);
    return hash;
}

} // namespace rampart::lib
