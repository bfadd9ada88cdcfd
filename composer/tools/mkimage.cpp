// rampart-mkimage: packs loader, kernel and a root task into a boot image.
// The composer's `build` does the same for whole systems; this tool serves
// kernel tests whose root task is a test program rather than the initializer.
#include "board/board.hpp"
#include "emit/image_writer.hpp"

#include <iostream>
#include <sstream>
#include <string>

namespace {

// "D:US,D:US,...": the domain schedule, durations in microseconds.
std::vector<rampart_domain_slot> parse_domains(const std::string& text) {
    std::vector<rampart_domain_slot> slots;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        const auto colon = item.find(':');
        if (colon == std::string::npos)
            throw std::runtime_error("error: domain slot '" + item +
                                     "' is not DOMAIN:MICROSECONDS");
        rampart_domain_slot slot{};
        slot.domain = static_cast<std::uint32_t>(std::stoul(item.substr(0, colon)));
        slot.duration_us = std::stoull(item.substr(colon + 1));
        slots.push_back(slot);
    }
    return slots;
}

} // namespace

int main(int argc, char** argv) {
    const std::string usage =
        "usage: rampart-mkimage BOARD.json LOADER.elf KERNEL.elf ROOT.elf OUT.elf OUT.bin"
        " [--domains D:US,D:US,...] [--root-cnode-bits N]\n";
    if (argc < 7) {
        std::cerr << usage;
        return 2;
    }
    try {
        std::vector<rampart_domain_slot> domains;
        std::uint64_t cnode_bits = RAMPART_ROOT_CNODE_DEFAULT_BITS;
        for (int i = 7; i < argc; i += 2) {
            const std::string option = argv[i];
            if (i + 1 >= argc || (option != "--domains" && option != "--root-cnode-bits")) {
                std::cerr << usage;
                return 2;
            }
            if (option == "--domains")
                domains = parse_domains(argv[i + 1]);
            else
                cnode_bits = std::stoull(argv[i + 1]);
        }
        const auto board = rampart::board::load_board(argv[1]);
        using rampart::elf::ElfFile;
        rampart::emit::ImageInputs in{ElfFile::load(argv[2]),
                                      ElfFile::load(argv[3]),
                                      ElfFile::load(argv[4]),
                                      {},
                                      board.kernel_paddr() + board.kernel_region_size(),
                                      domains,
                                      cnode_bits};
        const auto image = rampart::emit::build_image(in);
        rampart::emit::write_image_elf(image, argv[5]);
        rampart::emit::write_image_raw(image, argv[6]);
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
