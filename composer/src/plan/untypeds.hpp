// The kernel's boot untyped list, predicted with the kernel's own algorithm
// (DESIGN contract 2: kernel/include/rampart/boot_untypeds.hpp and
// root_layout.hpp), from where the image writer places the root task.
#pragma once

#include "board/board.hpp"
#include "elf/elf_file.hpp"

#include <rampart/bootinfo.h>
#include <rampart/image.h>

#include <vector>

namespace rampart::plan {

// The root task (initializer) as the image writer lays it out: its segments
// and the boot data (the spec) placed right below the kernel.
struct RootImage {
    rampart_region kernel{};     // what the loader hands over: lowest kernel page to region end
    rampart_region root_image{}; // initializer pages and boot data
    std::vector<rampart_user_segment> segments; // sorted by vaddr, boot data last
    std::uint64_t extra_bootinfo_size = 0;      // the boot data as an extra boot-info chunk
};

// kernel: the kernel ELF, or null to assume it starts at the board's kernel
// region. root: the initializer ELF, or null to assume kAssumedInitializer.
RootImage place_root_image(const board::Board& board, const elf::ElfFile* kernel,
                           const elf::ElfFile* root, std::uint64_t boot_data_bytes);

// Assumed extent of an initializer that is not built yet: this many bytes of
// read-execute pages at kAssumedInitializerVaddr.
inline constexpr std::uint64_t kAssumedInitializerBytes = 256 * 1024;
inline constexpr std::uint64_t kAssumedInitializerVaddr = 0x400000;

// Throws PlanError when the kernel's algorithm reports an error.
std::vector<rampart_untyped_desc> predict_untypeds(const board::Board& board,
                                                   const RootImage& root);

// Bytes of the root task's boot objects, which the kernel clears at boot.
std::uint64_t boot_object_bytes(const RootImage& root);

} // namespace rampart::plan
