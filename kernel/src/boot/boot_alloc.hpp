// Boot-time allocation of the root task's objects, before any untyped exists:
// a downward bump allocator over the free RAM just below the root task's image,
// so the placement is a pure function of the image layout.
#pragma once

#include <stdint.h>

namespace rampart::boot {

class BootAllocator {
  public:
    BootAllocator(uint64_t floor, uint64_t top) : floor_(floor), next_(top) {}

    // A zeroed, naturally aligned block of 2^size_bits bytes; 0 when RAM runs out.
    uint64_t alloc(unsigned size_bits);
    uint64_t lowest() const { return next_; }

  private:
    uint64_t floor_;
    uint64_t next_;
};

} // namespace rampart::boot
