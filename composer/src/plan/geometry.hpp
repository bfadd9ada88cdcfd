// Address-space geometry of AArch64 with a 4 KiB granule and 48-bit user
// virtual addresses, as seL4 has it (docs/boot.md): the VSpace is the level-0
// table, page tables (one type) sit at levels 1 to 3.
#pragma once

#include <rampart/aarch64/kernel_layout.h>
#include <rampart/objects.h>

#include <cstdint>

namespace rampart::plan {

inline constexpr unsigned kPageBits = RAMPART_FRAME_4K_BITS;
inline constexpr unsigned kLargePageBits = RAMPART_FRAME_2M_BITS;
inline constexpr unsigned kHugePageBits = RAMPART_FRAME_1G_BITS;
inline constexpr unsigned kTableIndexBits = 9;
inline constexpr std::uint64_t kPageSize = 1ull << kPageBits;
inline constexpr std::uint64_t kUserTop = RAMPART_USER_TOP;

// Page tables sit at levels kFirstTableLevel..kLastTableLevel; a table of
// level n covers 2^table_span(n) bytes: 512 GiB, 1 GiB, 2 MiB.
inline constexpr unsigned kFirstTableLevel = 1;
inline constexpr unsigned kLastTableLevel = 3;
inline constexpr unsigned kTableLevels = kLastTableLevel - kFirstTableLevel + 1;
constexpr unsigned table_span(unsigned level) {
    return kPageBits + kTableIndexBits * (kLastTableLevel + 1 - level);
}
static_assert(table_span(kFirstTableLevel) + kTableIndexBits == RAMPART_USER_VA_BITS &&
                  kTableLevels + 1 == RAMPART_USER_LEVELS,
              "the VSpace and three levels of page tables");
static_assert(table_span(3) == kLargePageBits && table_span(2) == kHugePageBits);

constexpr std::uint64_t bit(unsigned n) {
    return 1ull << n;
}
constexpr std::uint64_t align_down(std::uint64_t v, unsigned bits) {
    return v & ~(bit(bits) - 1);
}
constexpr std::uint64_t align_up(std::uint64_t v, unsigned bits) {
    return align_down(v + bit(bits) - 1, bits);
}
constexpr bool aligned(std::uint64_t v, unsigned bits) {
    return (v & (bit(bits) - 1)) == 0;
}

// Smallest n with 2^n >= v (v >= 1).
constexpr unsigned ceil_log2(std::uint64_t v) {
    unsigned n = 0;
    while (n < 63 && bit(n) < v)
        ++n;
    return n;
}

// Bytes an object of this type and Retype size_bits argument occupies, as a power of two.
constexpr unsigned object_bits(unsigned type, unsigned size_bits) {
    switch (type) {
    case RAMPART_OBJ_TCB:
        return RAMPART_TCB_BITS;
    case RAMPART_OBJ_ENDPOINT:
        return RAMPART_ENDPOINT_BITS;
    case RAMPART_OBJ_NOTIFICATION:
        return RAMPART_NOTIFICATION_BITS;
    case RAMPART_OBJ_CNODE:
        return size_bits + RAMPART_SLOT_BITS;
    case RAMPART_OBJ_REPLY:
        return RAMPART_REPLY_BITS;
    case RAMPART_OBJ_FRAME_4K:
        return RAMPART_FRAME_4K_BITS;
    case RAMPART_OBJ_FRAME_2M:
        return RAMPART_FRAME_2M_BITS;
    case RAMPART_OBJ_FRAME_1G:
        return RAMPART_FRAME_1G_BITS;
    case RAMPART_OBJ_PAGE_TABLE:
        return RAMPART_PAGE_TABLE_BITS;
    case RAMPART_OBJ_VSPACE:
        return RAMPART_VSPACE_BITS;
    default: // untyped, scheduling context: the argument is the size
        return size_bits;
    }
}

constexpr bool is_frame(unsigned type) {
    return type == RAMPART_OBJ_FRAME_4K || type == RAMPART_OBJ_FRAME_2M ||
           type == RAMPART_OBJ_FRAME_1G;
}

constexpr unsigned frame_type(unsigned page_bits) {
    return page_bits == kLargePageBits  ? RAMPART_OBJ_FRAME_2M
           : page_bits == kHugePageBits ? RAMPART_OBJ_FRAME_1G
                                        : RAMPART_OBJ_FRAME_4K;
}

const char* object_type_name(unsigned type);

} // namespace rampart::plan
