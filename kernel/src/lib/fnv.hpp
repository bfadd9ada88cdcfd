// FNV-1a 64 over 64-bit words, each fed as 8 little-endian bytes: the
// attestation digests (docs/spec.md, "Digests").
#pragma once

#include <stdint.h>

namespace rampart::lib {

// Feeds `count` words into `hash` and returns the new value.
uint64_t fnv_words(uint64_t hash, const uint64_t* words, unsigned count);

} // namespace rampart::lib
