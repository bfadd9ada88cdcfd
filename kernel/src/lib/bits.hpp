// Bit and alignment helpers for freestanding kernel code (no std headers exist there).
#pragma once

#include <stdint.h>

namespace rampart::lib {

template <typename T>
constexpr T min(T a, T b) {
    return b < a ? b : a;
}

template <typename T>
constexpr T max(T a, T b) {
    return a < b ? b : a;
}

// 2^n as a 64-bit value; n must be below 64.
constexpr uint64_t bit(unsigned n) {
    return uint64_t{1} << n;
}

// The low n bits set; n may be 64.
constexpr uint64_t mask(unsigned n) {
    return n >= 64 ? ~uint64_t{0} : bit(n) - 1;
}

constexpr bool is_aligned(uint64_t value, unsigned bits) {
    return (value & mask(bits)) == 0;
}

constexpr uint64_t align_down(uint64_t value, unsigned bits) {
    return value & ~mask(bits);
}

// Caller ensures the result does not wrap.
constexpr uint64_t align_up(uint64_t value, unsigned bits) {
    return align_down(value + mask(bits), bits);
}

// Index of the lowest set bit; value must not be 0.
constexpr unsigned ctz(uint64_t value) {
    return static_cast<unsigned>(__builtin_ctzll(value));
}

// Index of the highest set bit (floor(log2)); value must not be 0.
constexpr unsigned log2_floor(uint64_t value) {
    return 63u - static_cast<unsigned>(__builtin_clzll(value));
}

constexpr bool is_pow2(uint64_t value) {
    return value != 0 && (value & (value - 1)) == 0;
}

static_assert(mask(0) == 0 && mask(5) == 31 && mask(64) == ~uint64_t{0});
static_assert(align_up(17, 4) == 32 && align_down(17, 4) == 16 && align_up(32, 4) == 32);
static_assert(ctz(0x100) == 8 && log2_floor(0x1ff) == 8);

} // namespace rampart::lib
