// A capability slot: the cap and its place in the derivation tree (the "MDB"),
// a doubly linked list in depth-first order. A slot is 32 bytes, so the low
// bits of the link words are free for the two derivation marks.
#pragma once

#include <rampart/objects.h>
#include <stdint.h>

#include "kernel/cap.hpp"

namespace rampart::kernel {

struct alignas(32) Slot {
    Cap cap;

    [[nodiscard]] Slot* prev() const { return reinterpret_cast<Slot*>(prev_); }
    [[nodiscard]] Slot* next() const { return reinterpret_cast<Slot*>(next_ & ~mark_mask); }
    // Revocable: the cap may have children that are not copies of it
    // (untyped, the first badged endpoint/notification, IRQ handlers).
    [[nodiscard]] bool revocable() const { return (next_ & revocable_bit) != 0; }
    // First badged: the first cap of a badge, which is the badge's parent.
    [[nodiscard]] bool first_badged() const { return (next_ & first_badged_bit) != 0; }

    void set_prev(Slot* s) { prev_ = reinterpret_cast<uintptr_t>(s); }
    void set_next(Slot* s) { next_ = reinterpret_cast<uintptr_t>(s) | (next_ & mark_mask); }
    void set_marks(bool revocable, bool first_badged) {
        next_ = (next_ & ~mark_mask) | (revocable ? revocable_bit : 0) |
                (first_badged ? first_badged_bit : 0);
    }
    void clear_links() {
        prev_ = 0;
        next_ = 0;
    }
    void copy_links_from(const Slot& other) {
        prev_ = other.prev_;
        next_ = other.next_;
    }

  private:
    static constexpr uintptr_t revocable_bit = 1;
    static constexpr uintptr_t first_badged_bit = 2;
    static constexpr uintptr_t mark_mask = 3;

    uintptr_t prev_ = 0;
    uintptr_t next_ = 0;
};

static_assert(sizeof(Slot) == (1u << RAMPART_SLOT_BITS), "slot size is ABI");

} // namespace rampart::kernel
