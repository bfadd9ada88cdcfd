// FNV-1a 64 over words (one copy shared by the CNode and VSpace digests).
#include "lib/fnv.hpp"

namespace rampart::lib {

uint64_t fnv_words(uint64_t hash, const uint64_t* words, unsigned count) {
    constexpr uint64_t prime = 0x100000001b3ull;
    for (unsigned i = 0; i < count; ++i)
        for (unsigned byte = 0; byte < 8; ++byte)
            hash = (hash ^ ((words[i] >> (8 * byte)) & 0xff)) * prime;
    return hash;
}

} // namespace rampart::lib
