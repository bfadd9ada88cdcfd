// Data and instruction cache maintenance over physical ranges (Frame and
// VSpace cache invocations).
#pragma once

#include <stdint.h>

namespace rampart::arch {

enum class CacheOp {
    clean,             // write dirty lines back to the point of coherency
    clean_invalidate,  // and drop them
    unify_instruction, // make the range's code visible to instruction fetch
};

// Maintains [paddr, paddr + size) through the kernel window.
void cache_maintain(CacheOp op, uint64_t paddr, uint64_t size);

} // namespace rampart::arch
