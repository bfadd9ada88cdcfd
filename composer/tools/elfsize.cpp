// rampart-elfsize: prints an ELF's loaded size (text + data) and its zero-filled size (bss).
#include "elf/elf_file.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: rampart-elfsize FILE.elf\n";
        return 2;
    }
    auto read = rampart::elf::ElfFile::read(argv[1]);
    if (auto* why = std::get_if<std::string>(&read)) {
        std::cerr << argv[1] << ": error: not a usable ELF64 executable: " << *why << "\n";
        return 1;
    }
    {
        const auto& elf = std::get<rampart::elf::ElfFile>(read);
        std::uint64_t loaded = 0, zeroed = 0;
        for (const auto& s : elf.segments()) {
            loaded += s.file_size;
            zeroed += s.mem_size - s.file_size;
        }
        std::cout << elf.name() << ": text+data " << loaded << " bytes, bss " << zeroed
                  << " bytes\n";
    }
    return 0;
}
