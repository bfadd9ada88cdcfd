// Adapter from the board model and the image layout to the kernel's boot
// memory plan. Mirrors kernel/src/boot/boot_memory.cpp's inputs exactly.
#include "plan/untypeds.hpp"

#include "plan/allocator.hpp"
#include "plan/geometry.hpp"

#include <rampart/boot_untypeds.hpp>
#include <rampart/bootinfo.h>
#include <rampart/root_layout.hpp>

#include <algorithm>
#include <memory>

namespace rampart::plan {
namespace {

std::uint64_t perms_of(std::uint32_t elf_flags) {
    return (elf_flags & 4 ? RAMPART_SEG_R : 0) | (elf_flags & 2 ? RAMPART_SEG_W : 0) |
           (elf_flags & 1 ? RAMPART_SEG_X : 0);
}

} // namespace

RootImage place_root_image(const board::Board& board, const elf::ElfFile* kernel,
                           const elf::ElfFile* root, std::uint64_t boot_data_bytes) {
    RootImage out;
    out.kernel.end = board.kernel_paddr() + board.kernel_region_size();
    out.kernel.base = board.kernel_paddr();
    if (kernel && !kernel->segments().empty()) {
        out.kernel.base = UINT64_MAX;
        for (const auto& s : kernel->segments())
            out.kernel.base = std::min(out.kernel.base, align_down(s.paddr, kPageBits));
    }
    std::vector<rampart_user_segment> spans;
    if (root) {
        for (const auto& s : root->segments())
            spans.push_back(
                {align_down(s.vaddr, kPageBits), 0,
                 align_up(s.vaddr + s.mem_size, kPageBits) - align_down(s.vaddr, kPageBits),
                 perms_of(s.flags)});
    } else {
        spans.push_back(
            {kAssumedInitializerVaddr, 0, kAssumedInitializerBytes, RAMPART_SEG_R | RAMPART_SEG_X});
    }
    std::sort(spans.begin(), spans.end(),
              [](const auto& a, const auto& b) { return a.vaddr < b.vaddr; });
    std::uint64_t total = 0;
    for (const auto& s : spans)
        total += s.size;
    // The image writer passes boot data as one extra boot-info chunk.
    const std::uint64_t extra_bytes =
        boot_data_bytes ? sizeof(rampart_bootinfo_header) + boot_data_bytes : 0;
    const std::uint64_t data_pages = align_up(extra_bytes, kPageBits);
    out.root_image.end = out.kernel.base;
    out.root_image.base = out.root_image.end - total - data_pages;
    std::uint64_t next = out.root_image.base;
    for (auto& s : spans) {
        s.paddr = next;
        next += s.size;
        out.segments.push_back(s);
    }
    if (data_pages) {
        const std::uint64_t v = spans.back().vaddr + spans.back().size + 2 * RAMPART_PAGE_SIZE;
        out.segments.push_back({v, next, data_pages, RAMPART_SEG_R});
    }
    out.extra_bootinfo_size = extra_bytes;
    return out;
}

namespace {

// The sizes (log2) of the root task's boot objects, in the kernel's order.
std::vector<std::uint8_t> boot_object_sizes(const RootImage& root) {
    const auto layout = root_layout::compute(root.segments.data(),
                                             static_cast<std::uint32_t>(root.segments.size()),
                                             root.extra_bootinfo_size);
    // The size the image asks the kernel for (image_writer.hpp's default).
    constexpr unsigned root_cnode_radix = RAMPART_ROOT_CNODE_DEFAULT_BITS;
    if (layout.page_tables + static_cast<std::uint32_t>(boot::BootObject::FirstPageTable) >
        boot::max_boot_objects)
        throw PlanError("the initializer's image needs too many page tables to boot");
    std::vector<std::uint8_t> bits(boot::max_boot_objects);
    bits.resize(boot::root_boot_objects(root_cnode_radix, layout.page_tables, bits.data()));
    return bits;
}

} // namespace

std::uint64_t boot_object_bytes(const RootImage& root) {
    std::uint64_t bytes = 0;
    for (const std::uint8_t b : boot_object_sizes(root))
        bytes += std::uint64_t{1} << b;
    return bytes;
}

std::vector<rampart_untyped_desc> predict_untypeds(const board::Board& board,
                                                   const RootImage& root) {
    using boot::Range;
    std::vector<Range> ram, devices;
    for (const auto& m : board.memory)
        ram.push_back({m.base, m.base + m.size});
    for (const auto& d : board.devices)
        if (!d.kernel && d.size)
            devices.push_back({d.base, d.base + d.size});
    const Range reserved[1] = {{root.root_image.base, root.root_image.end}};
    boot::MemoryMap map;
    map.ram = ram.data();
    map.ram_count = static_cast<std::uint32_t>(ram.size());
    map.devices = devices.data();
    map.device_count = static_cast<std::uint32_t>(devices.size());
    map.kernel = {root.kernel.base, root.kernel.end};
    map.reserved = reserved;
    map.reserved_count = 1;

    const std::vector<std::uint8_t> bits = boot_object_sizes(root);
    const auto plan = std::make_unique<boot::Plan>(
        boot::plan_boot_memory(map, bits.data(), static_cast<std::uint32_t>(bits.size())));
    if (plan->error != boot::PlanError::None)
        throw PlanError("the kernel's boot memory plan fails for this board and image (error " +
                        std::to_string(static_cast<unsigned>(plan->error)) + ")");
    std::vector<rampart_untyped_desc> out;
    for (std::uint32_t i = 0; i < plan->untyped_count; ++i) {
        rampart_untyped_desc d{};
        d.paddr = plan->untypeds[i].paddr;
        d.size_bits = plan->untypeds[i].size_bits;
        d.is_device = plan->untypeds[i].is_device;
        out.push_back(d);
    }
    return out;
}

} // namespace rampart::plan
