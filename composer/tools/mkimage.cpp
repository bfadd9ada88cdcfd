// rampart-mkimage: packs loader, kernel and a root task into a boot image.
// The composer's `build` does the same for whole systems; this tool serves
// kernel tests whose root task is a test program rather than the initializer.
#include "board/board.hpp"
#include "driver/outputs.hpp"
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
            throw std::runtime_error("domain slot '" + item +
                                     "' is not DOMAIN:MICROSECONDS");
        rampart_domain_slot slot{};
        slot.domain = static_cast<std::uint32_t>(std::stoul(item.substr(0, colon)));
        slot.duration_us = std::stoull(item.substr(colon + 1));
        slots.push_back(slot);
    }
    return slots;
}

rampart::elf::ElfFile read(const char* path) {
    auto elf = rampart::elf::ElfFile::read(path);
    if (auto* why = std::get_if<std::string>(&elf))
        throw std::runtime_error(std::string(path) + ": not a usable ELF64 executable: " + *why);
    return std::move(std::get<rampart::elf::ElfFile>(elf));
}

// All or nothing, as the composer writes its outputs.
void write(const std::filesystem::path& path, std::vector<std::uint8_t> bytes) {
    rampart::driver::Outputs out(path.parent_path().empty() ? "." : path.parent_path());
    out.add(path.filename().string(), std::move(bytes));
    if (auto failure = out.commit())
        throw std::runtime_error(failure->file.string() + ": " + failure->reason);
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
        const auto loader = read(argv[2]), kernel = read(argv[3]), root = read(argv[4]);
        const rampart::emit::ImageInputs in{loader, kernel, root, {},
                                            board.kernel_paddr() + board.kernel_region_size(),
                                            domains, cnode_bits};
        const auto image = rampart::emit::build_image(in);
        write(argv[5], rampart::emit::image_elf(image));
        write(argv[6], image.bytes);
    } catch (const rampart::emit::ImageError& e) {
        std::cerr << (e.file.empty() ? "rampart-mkimage" : e.file) << ": error: " << e.what()
                  << "\n";
        return 1;
    } catch (const rampart::board::BoardError& e) {
        std::cerr << e.file << ": error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "rampart-mkimage: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
