// The root task's address-space layout, shared by the kernel (which builds it)
// and the composer (which predicts the boot objects it needs, DESIGN contract 2).
// As in seL4: the image segments, then the IPC buffer page, the boot-info page
// and the extra boot information (when the image has some, its pages are the
// image's last segment); and the number of page tables (below the VSpace root)
// that mapping them takes. Freestanding and constexpr.
#pragma once

#include "image.h"
#include "types.h"

namespace rampart::root_layout {

struct Layout {
    uint64_t ipc_buffer = 0;     // vaddr of the IPC buffer page
    uint64_t bootinfo = 0;       // vaddr of the boot-info page
    uint64_t extra = 0;          // vaddr of the extra boot information (after the boot info)
    uint32_t image_segments = 0; // the segments before the extra boot information's
    uint32_t page_tables = 0;
    bool valid = false; // the extra boot information's segment is where it must be
};

// Below the VSpace (the level-0 table), level-1 tables cover 512 GiB each,
// level-2 tables 1 GiB, level-3 tables 2 MiB (aarch64/kernel_layout.h).
inline constexpr unsigned l1_shift = 39;
inline constexpr unsigned l2_shift = 30;
inline constexpr unsigned l3_shift = 21;

namespace detail {

// Distinct values of (page >> shift) over the pages of all spans, counted
// without allocation: spans are sorted by address, so runs are monotonic.
constexpr uint32_t count_blocks(const rampart_user_segment* spans, uint32_t n, unsigned shift) {
    uint32_t count = 0;
    uint64_t last = ~uint64_t{0};
    for (uint32_t i = 0; i < n; ++i) {
        if (spans[i].size == 0)
            continue;
        const uint64_t first = spans[i].vaddr >> shift;
        for (uint64_t b = first; b <= (spans[i].vaddr + spans[i].size - 1) >> shift; ++b) {
            if (b != last) {
                ++count;
                last = b;
            }
        }
    }
    return count;
}

constexpr uint64_t page_up(uint64_t bytes) {
    return (bytes + RAMPART_PAGE_SIZE - 1) & ~(RAMPART_PAGE_SIZE - 1);
}

} // namespace detail

// Segments must be sorted by vaddr and not overlap (the image writer
// guarantees both); with extra_bootinfo_size > 0 the last one holds it.
constexpr Layout compute(const rampart_user_segment* segs, uint32_t n,
                         uint64_t extra_bootinfo_size) {
    Layout l;
    l.image_segments = extra_bootinfo_size && n ? n - 1 : n;
    uint64_t top = 0;
    for (uint32_t i = 0; i < l.image_segments; ++i)
        if (segs[i].vaddr + segs[i].size > top)
            top = segs[i].vaddr + segs[i].size;
    l.ipc_buffer = top;
    l.bootinfo = top + RAMPART_PAGE_SIZE;
    l.extra = top + 2 * RAMPART_PAGE_SIZE;
    l.valid = extra_bootinfo_size == 0 ||
              (n > 0 && segs[n - 1].vaddr == l.extra &&
               segs[n - 1].size == detail::page_up(extra_bootinfo_size));
    // Everything the kernel maps, in address order: image, IPC buffer and
    // boot info, extra boot information.
    rampart_user_segment spans[RAMPART_MAX_ROOT_SEGMENTS + 2] = {};
    uint32_t k = 0;
    for (uint32_t i = 0; i < l.image_segments && k < RAMPART_MAX_ROOT_SEGMENTS; ++i)
        spans[k++] = segs[i];
    spans[k++] = {top, 0, 2 * RAMPART_PAGE_SIZE, 0};
    if (l.image_segments < n)
        spans[k++] = segs[n - 1];
    l.page_tables = detail::count_blocks(spans, k, l1_shift) +
                    detail::count_blocks(spans, k, l2_shift) + detail::count_blocks(spans, k, l3_shift);
    return l;
}

namespace detail {
constexpr rampart_user_segment sample[2] = {{0x400000, 0, 0x3000, 5}, {0x403000, 0, 0x1000, 6}};
static_assert(compute(sample, 2, 0).ipc_buffer == 0x404000);
static_assert(compute(sample, 2, 0).page_tables == 3); // one each of L1, L2, L3
constexpr rampart_user_segment straddle[1] = {{0x3ff000, 0, 0x2000, 5}};
static_assert(compute(straddle, 1, 0).page_tables == 4); // one L1, one L2, two L3
// Extra boot information that crosses into the next 2 MiB needs one more table.
constexpr rampart_user_segment with_extra[2] = {{0x400000, 0, 0x1fd000, 5},
                                                {0x5ff000, 0, 0x2000, 4}};
static_assert(compute(with_extra, 2, 0x1010).valid);
static_assert(compute(with_extra, 2, 0x1010).bootinfo == 0x5fe000);
static_assert(compute(with_extra, 2, 0x1010).page_tables == 4);
static_assert(!compute(with_extra, 2, 0x3000).valid); // its size does not match
static_assert(!compute(sample, 2, 0x10).valid);       // not after the boot-info page
} // namespace detail

} // namespace rampart::root_layout
