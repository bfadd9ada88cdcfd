// The root task's address-space layout, shared by the kernel (which builds it)
// and the composer (which predicts the boot objects it needs, DESIGN contract 2):
// the image segments, then the IPC buffer page, then the boot-info page; and
// the number of page tables (below the VSpace root) that mapping them takes.
// Freestanding and constexpr.
#pragma once

#include "image.h"
#include "types.h"

namespace rampart::root_layout {

struct Layout {
    uint64_t ipc_buffer = 0; // vaddr of the IPC buffer page
    uint64_t bootinfo = 0;   // vaddr of the boot-info page
    uint32_t page_tables = 0;
};

// Level-2 tables cover 1 GiB each, level-3 tables 2 MiB (39-bit VA, 4 KiB granule).
inline constexpr unsigned l2_shift = 30;
inline constexpr unsigned l3_shift = 21;

namespace detail {

// Distinct values of (page >> shift) over the pages of all spans, counted
// without allocation: spans are sorted by address, so runs are monotonic.
constexpr uint32_t count_blocks(const rampart_user_segment* segs, uint32_t n, uint64_t extra_base,
                                uint64_t extra_size, unsigned shift) {
    uint32_t count = 0;
    uint64_t last = ~uint64_t{0};
    auto visit = [&](uint64_t base, uint64_t size) {
        if (size == 0)
            return;
        for (uint64_t b = base >> shift; b <= (base + size - 1) >> shift; ++b) {
            if (b != last) {
                ++count;
                last = b;
            }
        }
    };
    for (uint32_t i = 0; i < n; ++i)
        visit(segs[i].vaddr, segs[i].size);
    visit(extra_base, extra_size);
    return count;
}

} // namespace detail

// Segments must be sorted by vaddr and not overlap (the image writer guarantees both).
constexpr Layout compute(const rampart_user_segment* segs, uint32_t n) {
    Layout l;
    uint64_t top = 0;
    for (uint32_t i = 0; i < n; ++i)
        if (segs[i].vaddr + segs[i].size > top)
            top = segs[i].vaddr + segs[i].size;
    l.ipc_buffer = top;
    l.bootinfo = top + RAMPART_PAGE_SIZE;
    l.page_tables = detail::count_blocks(segs, n, top, 2 * RAMPART_PAGE_SIZE, l2_shift) +
                    detail::count_blocks(segs, n, top, 2 * RAMPART_PAGE_SIZE, l3_shift);
    return l;
}

namespace detail {
constexpr rampart_user_segment sample[2] = {{0x400000, 0, 0x3000, 5}, {0x403000, 0, 0x1000, 6}};
static_assert(compute(sample, 2).ipc_buffer == 0x404000);
static_assert(compute(sample, 2).page_tables == 2);
constexpr rampart_user_segment straddle[1] = {{0x3ff000, 0, 0x2000, 5}};
static_assert(compute(straddle, 1).page_tables == 3); // one L2, two L3
} // namespace detail

} // namespace rampart::root_layout
