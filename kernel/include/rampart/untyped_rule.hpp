// Where Untyped Retype places objects and which bytes it clears first: one
// rule for the kernel, which does it, and the composer, which plans every
// boot Retype with it and reports the bytes cleared (docs/boot-memory.md).
// Freestanding: needs only stdint.h.
//
// An untyped keeps two offsets from its base. The watermark: objects so far
// lie below it. The clear mark: the bytes from the watermark up to the clear
// mark are known to be zero (none when the mark is at or below the
// watermark). Memory above both is of unknown content: a boot untyped starts
// with both at 0, so nothing is cleared at boot. A Retype of anything but
// untypeds clears, before it creates them, whatever part of its objects is not
// known to be zero (from the larger of the two offsets, padding included, up
// to the clear unit above the new watermark); a Retype of untypeds clears
// nothing, and each new untyped starts with both offsets at 0. Resetting an
// untyped whose children are all gone clears everything below its watermark
// (seL4's rule: memory once handed out is cleared when it comes back) and
// keeps that knowledge in the clear mark.
#ifndef RAMPART_UNTYPED_RULE_HPP
#define RAMPART_UNTYPED_RULE_HPP

#include <stdint.h>

namespace rampart::untyped_rule {

// The clear mark moves in units of 2^clear_unit_bits(size) bytes: 256 bytes
// (the kernel's clearing chunk) up to untypeds of 2^35 bytes, the whole
// untyped below 256 bytes, and 2^(size - 27) above 2^35, so that the mark
// always fits clear_mark_bits bits of the cap.
inline constexpr unsigned clear_chunk_bits = 8;
inline constexpr unsigned clear_mark_bits = 28;

constexpr unsigned clear_unit_bits(unsigned size_bits) {
    const unsigned wide = size_bits > clear_mark_bits - 1 ? size_bits - (clear_mark_bits - 1) : 0;
    const unsigned unit = wide > clear_chunk_bits ? wide : clear_chunk_bits;
    return unit < size_bits ? unit : size_bits;
}

constexpr uint64_t align_up(uint64_t value, unsigned bits) {
    return (value + ((uint64_t{1} << bits) - 1)) & ~((uint64_t{1} << bits) - 1);
}

constexpr uint64_t align_down(uint64_t value, unsigned bits) {
    return value & ~((uint64_t{1} << bits) - 1);
}

// Offsets from the untyped's base.
struct State {
    uint64_t watermark = 0;
    uint64_t clear_mark = 0;
    constexpr bool operator==(const State&) const = default;
};

// A Retype of `count` objects of 2^object_bits bytes: the first object's
// offset, the range [clear_from, clear_to) cleared first (empty when
// clear_from == clear_to), and the offsets after it. The caller has checked
// that the objects fit (object_bits <= size_bits, first + count objects <= size).
struct Retype {
    uint64_t first = 0;
    uint64_t clear_from = 0;
    uint64_t clear_to = 0;
    State after{};
};

// The state after a reset (the untyped has no children): the watermark goes
// to 0 once everything below it is cleared.
constexpr State after_reset(unsigned size_bits, State s) {
    const uint64_t cleared = align_down(s.watermark, clear_unit_bits(size_bits));
    return State{0, s.clear_mark > cleared ? s.clear_mark : cleared};
}

// `clears`: the objects are not untypeds and the memory is not device memory.
constexpr Retype retype(unsigned size_bits, State s, unsigned object_bits, uint64_t count,
                        bool clears) {
    Retype r;
    r.first = align_up(s.watermark, object_bits);
    const uint64_t end = r.first + (count << object_bits);
    const uint64_t known = s.clear_mark > s.watermark ? s.clear_mark : s.watermark;
    r.clear_from = r.clear_to = known;
    r.after = State{end, s.clear_mark};
    if (clears && end > s.clear_mark) {
        const uint64_t size = uint64_t{1} << size_bits;
        const uint64_t to = align_up(end, clear_unit_bits(size_bits));
        r.clear_to = to < size ? to : size;
        r.after.clear_mark = r.clear_to;
    }
    return r;
}

static_assert(clear_unit_bits(4) == 4 && clear_unit_bits(8) == 8 && clear_unit_bits(31) == 8);
static_assert(clear_unit_bits(35) == 8 && clear_unit_bits(36) == 9 && clear_unit_bits(47) == 20);
static_assert(retype(20, {}, 12, 2, true).clear_to == 8192);
static_assert(retype(20, {16, 256}, 4, 1, true).clear_to == 256);    // known zero already
static_assert(retype(20, {16, 256}, 8, 1, true).clear_from == 256);  // padding up to 256
static_assert(retype(20, {4096, 0}, 12, 1, true).clear_from == 4096); // past an untyped child
static_assert(retype(20, {}, 12, 1, false).after == State{4096, 0});
static_assert(after_reset(20, {4112, 0}) == State{0, 4096});

} // namespace rampart::untyped_rule

#endif
