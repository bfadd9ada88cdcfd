// Assembles the boot image: the loader's code followed by a payload (see
// kernel/include/rampart/image.h) holding the kernel, the root task and its boot data.
#pragma once

#include "elf/elf_file.hpp"

#include <rampart/bootinfo.h>
#include <rampart/domains.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace rampart::emit {

struct ImageInputs {
    const elf::ElfFile& loader;
    const elf::ElfFile& kernel;
    const elf::ElfFile& root_task;
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

// The target ELFs cannot be packed: the message says why, file names the
// ELF at fault (empty when it is the combination).
struct ImageError : std::runtime_error {
    ImageError(std::string at, const std::string& message)
        : std::runtime_error(message), file(std::move(at)) {}
    std::string file;
};

Image build_image(const ImageInputs& in);

// The image as an ELF file with one loadable segment (image.elf); image.bin
// is image.bytes as they are.
std::vector<std::uint8_t> image_elf(const Image& image);

} // namespace rampart::emit
