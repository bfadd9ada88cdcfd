// Cache maintenance on the host machine: no caches, but the range must be
// memory the kernel may name (it is checked, not touched).
#pragma once

#include <stdint.h>

namespace rampart::arch {

enum class CacheOp { clean, clean_invalidate, unify_instruction };

void cache_maintain(CacheOp op, uint64_t paddr, uint64_t size);

} // namespace rampart::arch
