// Strong types for the quantities the capability core handles: mixing a
// physical address with a size or an index is a compile error.
#pragma once

#include <rampart/types.h>
#include <stdint.h>

#include "lib/bits.hpp"

namespace rampart::kernel {

using word_t = uint64_t;

// A physical address.
struct Paddr {
    uint64_t value = 0;

    constexpr Paddr() = default;
    constexpr explicit Paddr(uint64_t v) : value(v) {}
    constexpr bool operator==(const Paddr&) const = default;
    constexpr bool operator<(const Paddr& o) const { return value < o.value; }
    constexpr Paddr operator+(uint64_t bytes) const { return Paddr{value + bytes}; }
    constexpr uint64_t operator-(Paddr other) const { return value - other.value; }
};

// The size of an object or region as a power of two: 2^bits bytes.
struct SizeBits {
    unsigned bits = 0;

    constexpr SizeBits() = default;
    constexpr explicit SizeBits(unsigned b) : bits(b) {}
    constexpr bool operator==(const SizeBits&) const = default;
    [[nodiscard]] constexpr uint64_t bytes() const { return lib::bit(bits); }
};

// The index of a slot within a CNode.
struct SlotIndex {
    uint64_t value = 0;

    constexpr SlotIndex() = default;
    constexpr explicit SlotIndex(uint64_t v) : value(v) {}
    constexpr bool operator==(const SlotIndex&) const = default;
};

// A capability address, resolved through a CSpace.
struct CPtr {
    rampart_cptr_t value = 0;

    constexpr CPtr() = default;
    constexpr explicit CPtr(rampart_cptr_t v) : value(v) {}
};

} // namespace rampart::kernel
