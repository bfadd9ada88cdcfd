// The deterministic boot memory plan (DESIGN contract 2): which memory the
// kernel carves for the root task's boot objects, and the list of untypeds it
// hands over for everything else. A pure constexpr function of (RAM ranges,
// device ranges, kernel region, reserved regions, boot object sizes), used by
// the kernel at boot and by the composer to predict the boot info exactly.
// Documented in docs/boot-memory.md. Freestanding: needs only stdint.h.
#ifndef RAMPART_BOOT_UNTYPEDS_HPP
#define RAMPART_BOOT_UNTYPEDS_HPP

#include <stdint.h>

#include "bootinfo.h"
#include "objects.h"
#include "types.h"

namespace rampart::boot {

// A half-open physical range [base, end).
struct Range {
    uint64_t base = 0;
    uint64_t end = 0;
};

// One untyped of the plan: a naturally aligned block of 2^size_bits bytes.
struct Block {
    uint64_t paddr = 0;
    uint8_t size_bits = 0;
    bool is_device = false;
};

inline constexpr uint32_t max_ranges = 64;       // per input list, and for working sets
inline constexpr uint32_t max_boot_objects = 64; // boot objects of the root task

struct MemoryMap {
    const Range* ram = nullptr;
    uint32_t ram_count = 0;
    const Range* devices = nullptr;
    uint32_t device_count = 0;
    Range kernel{};                  // the kernel image, bss included
    const Range* reserved = nullptr; // loader, root task image, boot data, kernel-owned devices
    uint32_t reserved_count = 0;
};

enum class PlanError : uint8_t {
    None = 0,
    BadRange,             // a range with end < base
    TooManyRanges,        // more than max_ranges after splitting
    TooManyBootObjects,   // more than max_boot_objects requested
    BadBootObject,        // a boot object size outside [4, 47] bits
    NoRoomForBootObjects, // no free RAM range holds the boot objects' block
};

struct Plan {
    PlanError error = PlanError::None;
    uint32_t untyped_count = 0;
    Block untypeds[RAMPART_MAX_BOOT_UNTYPEDS] = {};
    uint64_t dropped_bytes = 0; // free memory left out because the list was full
    uint32_t boot_object_count = 0;
    uint64_t boot_objects[max_boot_objects] = {}; // paddr of each boot object, in request order
    Range boot_region{}; // the block the boot objects were carved from (its last page is used up)
};

namespace detail {

struct RangeSet {
    Range r[max_ranges] = {};
    uint32_t n = 0;
    bool overflow = false;

    constexpr void add(Range x) {
        if (x.base >= x.end) {
            return;
        }
        if (n == max_ranges) {
            overflow = true;
            return;
        }
        r[n++] = x;
    }
};

inline constexpr uint64_t page_mask = RAMPART_PAGE_SIZE - 1;

constexpr uint64_t page_up(uint64_t a) {
    return a > ~uint64_t{0} - page_mask ? ~page_mask : (a + page_mask) & ~page_mask;
}
constexpr uint64_t page_down(uint64_t a) {
    return a & ~page_mask;
}

// Sorted by base, overlapping and touching ranges merged.
constexpr void normalise(RangeSet& s) {
    for (uint32_t i = 1; i < s.n; ++i) {
        const Range x = s.r[i];
        uint32_t j = i;
        while (j > 0 && s.r[j - 1].base > x.base) {
            s.r[j] = s.r[j - 1];
            --j;
        }
        s.r[j] = x;
    }
    uint32_t out = 0;
    for (uint32_t i = 0; i < s.n; ++i) {
        if (out > 0 && s.r[i].base <= s.r[out - 1].end) {
            if (s.r[i].end > s.r[out - 1].end) {
                s.r[out - 1].end = s.r[i].end;
            }
        } else {
            s.r[out++] = s.r[i];
        }
    }
    s.n = out;
}

// Pages wholly inside the ranges (inward rounding), normalised.
constexpr bool collect(const Range* in, uint32_t count, bool inward, RangeSet& out) {
    if (count > max_ranges) {
        out.overflow = true;
        return true;
    }
    for (uint32_t i = 0; i < count; ++i) {
        if (in[i].end < in[i].base) {
            return false;
        }
        out.add(inward ? Range{page_up(in[i].base), page_down(in[i].end)}
                       : Range{page_down(in[i].base), page_up(in[i].end)});
    }
    normalise(out);
    return true;
}

// s minus every range of cut.
constexpr void subtract(RangeSet& s, const RangeSet& cut) {
    for (uint32_t c = 0; c < cut.n; ++c) {
        RangeSet next;
        for (uint32_t i = 0; i < s.n; ++i) {
            const Range x = s.r[i];
            const Range y = cut.r[c];
            if (y.end <= x.base || y.base >= x.end) {
                next.add(x);
                continue;
            }
            next.add(Range{x.base, y.base});
            next.add(Range{y.end, x.end});
        }
        next.overflow = next.overflow || s.overflow;
        s = next;
    }
}

constexpr unsigned ctz(uint64_t v) {
    return v == 0 ? 64u : static_cast<unsigned>(__builtin_ctzll(v));
}
constexpr unsigned log2_floor(uint64_t v) {
    return 63u - static_cast<unsigned>(__builtin_clzll(v));
}

// Splits [base, end) into maximal naturally aligned blocks, low to high.
constexpr void emit_blocks(Range x, bool device, Plan& plan) {
    uint64_t a = x.base;
    while (a < x.end) {
        unsigned bits = ctz(a);
        const unsigned fit = log2_floor(x.end - a);
        bits = bits < fit ? bits : fit;
        bits = bits < RAMPART_MAX_UNTYPED_BITS ? bits : RAMPART_MAX_UNTYPED_BITS;
        const uint64_t size = uint64_t{1} << bits;
        if (bits < RAMPART_MIN_UNTYPED_BITS) {
            a += size; // cannot happen with page-rounded ranges
            continue;
        }
        if (plan.untyped_count < RAMPART_MAX_BOOT_UNTYPEDS) {
            plan.untypeds[plan.untyped_count++] = Block{a, static_cast<uint8_t>(bits), device};
        } else {
            plan.dropped_bytes += size;
        }
        a += size;
    }
}

} // namespace detail

// The plan. boot_object_bits[i] is the size of the i-th boot object
// (see root_boot_objects for the kernel's canonical list).
constexpr Plan plan_boot_memory(const MemoryMap& map, const uint8_t* boot_object_bits,
                                uint32_t boot_object_count) {
    using namespace detail;
    Plan plan;
    if (boot_object_count > max_boot_objects) {
        plan.error = PlanError::TooManyBootObjects;
        return plan;
    }
    RangeSet ram;
    RangeSet ram_outward;
    RangeSet devices;
    RangeSet taken; // kernel + reserved, rounded outward to pages
    const Range kernel[1] = {map.kernel};
    if (!collect(map.ram, map.ram_count, true, ram) ||
        !collect(map.ram, map.ram_count, false, ram_outward) ||
        !collect(map.devices, map.device_count, true, devices) ||
        !collect(map.reserved, map.reserved_count, false, taken) ||
        !collect(kernel, 1, false, taken)) {
        plan.error = PlanError::BadRange;
        return plan;
    }
    subtract(ram, taken);
    subtract(devices, taken);
    subtract(devices, ram_outward); // RAM never becomes device memory
    if (ram.overflow || ram_outward.overflow || devices.overflow || taken.overflow) {
        plan.error = PlanError::TooManyRanges;
        return plan;
    }

    // Boot objects: largest first (ties in request order), packed from a base
    // aligned to the largest, at the top of the highest free RAM range that
    // holds them all; every object is then naturally aligned.
    if (boot_object_count > 0) {
        uint32_t order[max_boot_objects] = {};
        uint64_t total = 0;
        for (uint32_t i = 0; i < boot_object_count; ++i) {
            const uint8_t bits = boot_object_bits[i];
            if (bits < RAMPART_MIN_UNTYPED_BITS || bits > RAMPART_MAX_UNTYPED_BITS) {
                plan.error = PlanError::BadBootObject;
                return plan;
            }
            uint32_t j = i;
            while (j > 0 && boot_object_bits[order[j - 1]] < bits) {
                order[j] = order[j - 1];
                --j;
            }
            order[j] = i;
            total += uint64_t{1} << bits;
        }
        const unsigned align = boot_object_bits[order[0]];
        bool placed = false;
        for (uint32_t k = ram.n; k-- > 0 && !placed;) {
            const Range x = ram.r[k];
            if (x.end - x.base < total) {
                continue;
            }
            const uint64_t base = (x.end - total) & ~((uint64_t{1} << align) - 1);
            if (base < x.base) {
                continue;
            }
            uint64_t at = base;
            for (uint32_t i = 0; i < boot_object_count; ++i) {
                plan.boot_objects[order[i]] = at;
                at += uint64_t{1} << boot_object_bits[order[i]];
            }
            plan.boot_region = Range{base, base + total};
            RangeSet cut; // whole pages, so that every untyped is page-granular
            cut.add(Range{base, page_up(base + total)});
            subtract(ram, cut);
            placed = !ram.overflow;
        }
        if (!placed) {
            plan.error = PlanError::NoRoomForBootObjects;
            return plan;
        }
        plan.boot_object_count = boot_object_count;
    }

    // Canonical order: RAM blocks by address, then device blocks by address.
    for (uint32_t i = 0; i < ram.n; ++i) {
        emit_blocks(ram.r[i], false, plan);
    }
    for (uint32_t i = 0; i < devices.n; ++i) {
        emit_blocks(devices.r[i], true, plan);
    }
    return plan;
}

// The root task's boot objects in the kernel's canonical request order.
enum class BootObject : uint32_t {
    RootCNode = 0,
    VSpace,
    Tcb,
    SchedContext,
    AsidPool,
    BootInfoFrame,
    IpcBufferFrame,
    FirstPageTable, // then page_tables - 1 more
};

// Fills out (at least FirstPageTable + page_tables entries) with the sizes of
// the root task's boot objects; returns their count.
constexpr uint32_t root_boot_objects(unsigned cnode_radix, uint32_t page_tables, uint8_t* out) {
    uint32_t n = 0;
    out[n++] = static_cast<uint8_t>(cnode_radix + RAMPART_SLOT_BITS);
    out[n++] = RAMPART_VSPACE_BITS;
    out[n++] = RAMPART_TCB_BITS;
    out[n++] = RAMPART_SCHED_CONTEXT_MIN_BITS;
    out[n++] = RAMPART_ASID_POOL_BITS;
    out[n++] = RAMPART_PAGE_BITS;
    out[n++] = RAMPART_PAGE_BITS;
    for (uint32_t i = 0; i < page_tables; ++i) {
        out[n++] = RAMPART_PAGE_TABLE_BITS;
    }
    return n;
}

} // namespace rampart::boot

#endif
