// Assembles the boot image: the loader's code followed by a payload (see
// kernel/include/rampart/image.h) holding the kernel, the root task and its boot data.
#pragma once

#include "elf/elf_file.hpp"

#include <rampart/bootinfo.h>
#include <rampart/domains.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rampart::emit {

struct ImageInputs {
    elf::ElfFile loader;
    elf::ElfFile kernel;
    elf::ElfFile root_task;
    // The root task finds it as an extra boot-info chunk (bootinfo.h,
    // RAMPART_BOOTINFO_HEADER_BOOT_DATA) after its boot-info page; may be empty.
    std::vector<std::uint8_t> boot_data;
    std::uint64_t kernel_region_end = 0; // physical end of the kernel's reserved region
    std::vector<rampart_domain_slot> domain_schedule; // empty: domain 0 always
    std::uint64_t root_cnode_bits = RAMPART_ROOT_CNODE_DEFAULT_BITS;
};

struct Image {
    std::uint64_t load_address = 0; // physical address of the first byte
    std::uint64_t entry = 0;
    std::uint16_t machine = 0;
    std::vector<std::uint8_t> bytes; // loader + payload, as QEMU loads it
    std::uint64_t root_image_base = 0, root_image_end = 0;
};

struct ImageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

Image build_image(const ImageInputs& in);

// Writes the image as an ELF with one loadable segment, and as a raw binary.
// Each file is written to a temporary name and renamed, so no partial output remains.
void write_image_elf(const Image& image, const std::filesystem::path& path);
void write_image_raw(const Image& image, const std::filesystem::path& path);

} // namespace rampart::emit
